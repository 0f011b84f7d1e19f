using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>The records failing the validation rules, by return, table and line, for correction at source; child-level permission, audited.</summary>
[Authorize(Policy = Policies.ChildLevel)]
[UnreadablePeriodIsNotFound]
public sealed class FailuresModel(ReturnsReport report) : PageModel
{
    public Period Period { get; private set; }
    public IReadOnlyList<FailureLine> Failures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Period period, CancellationToken ct)
    {
        var p = period;
        Period = p;
        Failures = await report.FailuresAsync(p, ct);
        return Page();
    }
}
