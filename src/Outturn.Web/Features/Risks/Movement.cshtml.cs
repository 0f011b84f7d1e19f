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
    /// <summary>The two quarters as they go in the address, for the form's choices.</summary>
    public string? From { get; private set; }
    public string? To { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }

    public IReadOnlyList<Period> Quarters { get; private set; } = [];
    public RiskMovementView? View { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The quarters come bound as periods (an unreadable one is refused with the period's message); a year is no quarter, and is passed over for the default.</summary>
    public async Task OnGetAsync(Period? from, Period? to, CancellationToken ct)
    {
        var register = await query.RegisterAsync(new RiskFilter(), ct);
        Quarters = register.Quarters;
        if (Quarters.Count < 2) return;
        // Without a choice, the two latest quarters.
        var first = from is { Kind: PeriodKind.Quarter } f ? f : Quarters[^2];
        var second = to is { Kind: PeriodKind.Quarter } t ? t : Quarters[^1];
        (From, To) = (first.ToSlug(), second.ToSlug());
        if (first.CompareTo(second) >= 0)
        {
            Problem = $"Choose a first quarter before the second: {first.ToDisplayString()} is not before {second.ToDisplayString()}.";
            return;
        }
        View = await query.MovementAsync(first, second, new RiskFilter(string.IsNullOrWhiteSpace(Directorate) ? null : Directorate.Trim()), ct);
    }
}
