using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>
/// The risk register with filters and the initial, residual and target heat maps, as the scores stand now or stood
/// at any quarter: an internal register, for staff.
/// </summary>
[Authorize(Policy = Policies.Council)]
public sealed class IndexModel(RiskQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Band { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assessment { get; set; }
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }

    public RiskRegisterView View { get; private set; } = null!;
    public Period? Quarter { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanEdit => User.IsInRole(Outturn.Application.Accounts.Roles.PerformanceOfficer) || User.IsInRole(Outturn.Application.Accounts.Roles.Administrator);

    /// <summary><paramref name="at"/>: the quarter whose scores are shown; none (or a year) for the latest.</summary>
    public async Task OnGetAsync(Period? at, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RiskBand? band = RiskWords.TryParseBand(Band, out var b) ? b : null;
        Quarter = at is { Kind: PeriodKind.Quarter } q ? q : null;
        View = await query.RegisterAsync(new RiskFilter(Blank(Directorate), band, Blank(Owner), KindOf(Assessment), Quarter, Closed), ct);
    }

    public static RiskScoreKind KindOf(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "initial" => RiskScoreKind.Initial,
        "target" => RiskScoreKind.Target,
        _ => RiskScoreKind.Residual,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
