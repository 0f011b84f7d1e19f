using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>
/// One equality action with its progress each quarter: public, like the action plans. The history of changes (who
/// changed what) is for staff.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class DetailsModel(EqualityQuery query, ChangeHistory history) : PageModel
{
    public EqualityAction Action { get; private set; } = null!;
    public IReadOnlyList<HistoryLine>? History { get; private set; }
    public string? Organisation { get; private set; }
    public bool CanEdit => User.IsInRole(Outturn.Application.Accounts.Roles.PerformanceOfficer) || User.IsInRole(Outturn.Application.Accounts.Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(string actionRef, CancellationToken ct)
    {
        if (await query.ActionAsync(actionRef, ct) is not { } action) return this.NotFoundWith($"No equality action has the reference \"{actionRef}\".");
        Action = action;
        if (User.AsViewer().SignedIn) History = await history.ForKeysAsync([.. RiskKeys.Of(action)], ct);
        if (action.OrganisationId is { } id) Organisation = (await query.OrganisationNamesAsync(ct)).GetValueOrDefault(id);
        return Page();
    }
}
