using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>One risk: what it is, its score history with the direction of travel, its control measures with their quarterly progress, and every change in words.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class DetailsModel(RiskQuery query, EqualityQuery names, ChangeHistory history, TimeProvider clock) : PageModel
{
    public Risk Risk { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RiskHistoryLine> Scores { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public string? Organisation { get; private set; }
    /// <summary>The performance team keeps the register (docs/security.md): only they see the links to change it.</summary>
    public bool CanEdit => User.IsInRole(Outturn.Application.Accounts.Roles.PerformanceOfficer) || User.IsInRole(Outturn.Application.Accounts.Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(string riskRef, CancellationToken ct)
    {
        var risk = await query.RiskAsync(riskRef, ct);
        if (risk is null) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Scores = risk.ScoreHistory().Reverse().ToList();
        History = await history.ForKeysAsync([.. RiskKeys.Of(risk)], ct);
        if (risk.OrganisationId is { } id) Organisation = (await names.OrganisationNamesAsync(ct)).GetValueOrDefault(id);
        return Page();
    }
}
