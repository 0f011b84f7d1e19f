using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>The children behind a figure, by pseudonym, for users with the child-level permission; every view is audited.</summary>
[Authorize(Policy = Policies.ChildLevel)]
[UnreadablePeriodIsNotFound]
public sealed class ChildrenModel(ReturnsReport report) : PageModel
{
    public ChildList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Period period, string code, CancellationToken ct)
    {
        var p = period;
        var list = await report.ChildrenAsync(code, p, ct);
        if (list is null) return this.NotFoundWith($"No statutory indicator has the code \"{code}\".");
        List = list;
        return Page();
    }
}
