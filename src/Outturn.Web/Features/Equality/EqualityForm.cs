using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Equality;

/// <summary>The fields of the equality action form (create and edit), read into the domain's terms with each problem beside its field.</summary>
public abstract class EqualityFormPage(RiskQuery plans, OrganisationService organisations) : PageModel
{
    public FormErrors Errors { get; } = [];
    public IReadOnlyList<(string Value, string Text)> PlanOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> OrganisationOptions { get; private set; } = [];
    private IReadOnlyList<OrganisationRow> _organisations = [];

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public List<string> Strands { get; set; } = [];
    [BindProperty] public string? Impact { get; set; }
    [BindProperty] public string? Actions { get; set; }
    [BindProperty] public string? Timetable { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Directorate { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? Organisation { get; set; }

    public static IReadOnlyList<(string Value, string Text)> StrandOptions =>
        Enum.GetValues<EqualityStrand>().Select(s => (s.ToString(), char.ToUpperInvariant(s.ToWords()[0]) + s.ToWords()[1..])).ToList();

    public static IReadOnlyList<(string Value, string Text)> ImpactOptions =>
        EqualityWords.Impacts.Select(i => (i.ToWord(), i switch
        {
            EqualityImpact.High => "High: reported each quarter as a high priority equality action",
            EqualityImpact.None => "None: no adverse impact found",
            _ => i.ToString(),
        })).ToList();

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        PlanOptions = [("", "None"), .. (await plans.PlansAsync(ct)).Select(p => (p.Ref, $"{p.Ref}: {p.Title}"))];
        _organisations = await organisations.ListAsync(ct);
        OrganisationOptions = [("", "Not assigned"), .. _organisations.Select(o => (o.Organisation.Ref, new string('\u00a0', o.Depth * 3) + o.Organisation.Name))];
    }

    protected void Show(EqualityAction a)
    {
        (Subject, Impact, Actions, Officer, Directorate, Service, Plan) = (a.Subject, a.Impact.ToWord(), a.ActionsProposed, a.Officer, a.Directorate, a.Service, a.PlanRef);
        Strands = a.Strands.Select(s => s.ToString()).ToList();
        Timetable = string.Join("; ", a.TimetableYears.Select(y => Period.FinancialYear(y).ToString()));
        Organisation = a.OrganisationId is { } id ? _organisations.FirstOrDefault(o => o.Organisation.Id == id)?.Organisation.Ref : null;
    }

    protected EqualityActionDetails ReadDetails()
    {
        var strands = Strands.Select(s => Enum.TryParse<EqualityStrand>(s, out var v) ? v : (EqualityStrand?)null).OfType<EqualityStrand>().ToList();
        EqualityImpact? impact = EqualityWords.TryParseImpact(Impact, out var i) ? i : null;
        var years = new List<int>();
        var timetableBad = false;
        foreach (var part in (Timetable ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Period.TryParseFinancialYear(part, out var y)) years.Add(y.Year);
            else if (!timetableBad)
            {
                Errors.Add("timetable", Period.NotAFinancialYear(part) + " Separate years with a semicolon: 2015/16; 2016/17.");
                timetableBad = true;
            }
        }
        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(Organisation))
        {
            organisationId = _organisations.FirstOrDefault(o => o.Organisation.Ref == Organisation)?.Organisation.Id;
            if (organisationId is null) Errors.Add("organisation", "Choose an organisation from the list.");
        }
        var details = new EqualityActionDetails(Subject, strands, impact, Actions, years, Officer, Directorate, Service, Plan, organisationId);
        foreach (var p in details.Problems().Where(p => !(timetableBad && p.Field == "timetable"))) Errors.Add(p.Field, p.Message);
        return details;
    }

    public static string ActionHref(string actionRef) => "/equality/" + Uri.EscapeDataString(actionRef);
}
