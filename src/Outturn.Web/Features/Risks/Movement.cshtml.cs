using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>How the register moved between two quarters: each risk's residual score at both, and the two heat maps, as tables.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class MovementModel(RiskQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }

    public IReadOnlyList<Period> Quarters { get; private set; } = [];
    public RiskMovementView? View { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var register = await query.RegisterAsync(new RiskFilter(), ct);
        Quarters = register.Quarters;
        if (Quarters.Count < 2) return;
        // Without a choice, the two latest quarters.
        var from = Period.TryParse(From, out var f) && f.Kind == PeriodKind.Quarter ? f : Quarters[^2];
        var to = Period.TryParse(To, out var t) && t.Kind == PeriodKind.Quarter ? t : Quarters[^1];
        (From, To) = (from.ToSlug(), to.ToSlug());
        if (from.CompareTo(to) >= 0)
        {
            Problem = $"Choose a first quarter before the second: {from.ToDisplayString()} is not before {to.ToDisplayString()}.";
            return;
        }
        View = await query.MovementAsync(from, to, new RiskFilter(string.IsNullOrWhiteSpace(Directorate) ? null : Directorate.Trim()), ct);
    }
}
