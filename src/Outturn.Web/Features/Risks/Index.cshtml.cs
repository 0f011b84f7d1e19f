using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>The risk register with filters and the initial and residual heat maps: an internal register, for staff.</summary>
[Authorize(Policy = Policies.Council)]
public sealed class IndexModel(RiskQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Band { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assessment { get; set; }

    public RiskRegisterView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        RiskBand? band = RiskWords.TryParseBand(Band, out var b) ? b : null;
        var basis = string.Equals(Assessment, "initial", StringComparison.OrdinalIgnoreCase) ? RiskAssessment.Initial : RiskAssessment.Residual;
        View = await query.RegisterAsync(new RiskFilter(Blank(Directorate), band, Blank(Owner), basis), ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
