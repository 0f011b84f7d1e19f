using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;

namespace Outturn.Web.Features.Shared;

/// <summary>What a page or the API answers when <see cref="ReportVisibility"/> will not show a period's monitoring.</summary>
public static class ReportRefusal
{
    /// <summary>Not found, sign in, or forbidden; null when the report can be shown.</summary>
    public static IActionResult? For(PageModel page, VisibleReport result, string planRef, Period period) => result.Outcome switch
    {
        ReportOutcome.NoPlan => page.NotFoundWith($"No plan has the reference \"{planRef}\"."),
        ReportOutcome.NotCovered => page.NotFoundWith(NotCovered(planRef, period)),
        ReportOutcome.NeedsSignIn => page.Challenge(),
        ReportOutcome.Forbidden => page.Forbid(),
        _ => null,
    };

    public static string NotCovered(string planRef, Period period) => $"{planRef} does not cover {period.ToDisplayString()}; it has no monitoring for that period.";
}
