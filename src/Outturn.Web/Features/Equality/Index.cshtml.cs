using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>The equality action plans: published in service plans and reports, so public.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(EqualityQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Impact { get; set; }
    [BindProperty(SupportsGet = true)] public string? Strand { get; set; }
    public bool CanEdit => User.IsInRole(Outturn.Application.Accounts.Roles.PerformanceOfficer) || User.IsInRole(Outturn.Application.Accounts.Roles.Administrator);

    public IReadOnlyList<string> Directorates { get; private set; } = [];
    /// <summary>One table per action plan (plan, or directorate/service), titled.</summary>
    public IReadOnlyList<(string Title, List<EqualityAction> Actions)> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await query.ActionPlanAsync(null, null, ct);
        Directorates = all.SelectMany(a => new[] { a.Directorate, a.Service }).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        EqualityImpact? impact = EqualityWords.TryParseImpact(Impact, out var i) ? i : null;
        EqualityStrand? strand = Enum.TryParse<EqualityStrand>(Strand, true, out var st) ? st : null;
        var actions = await query.ActionPlanAsync(string.IsNullOrWhiteSpace(Directorate) ? null : Directorate.Trim(), impact, ct, strand);
        Plans = actions.GroupBy(a => a.PlanRef is null ? $"{a.Service ?? a.Directorate} equality action plan" : $"Equality action plan: {a.PlanRef}")
            .Select(g => (g.Key, g.ToList())).ToList();
    }
}
