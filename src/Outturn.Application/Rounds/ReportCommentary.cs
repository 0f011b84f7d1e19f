using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>A priority's supporting commentary as the report prints it, written from the round's item.</summary>
internal static class ReportCommentary
{
    /// <summary>
    /// The report's commentary for a priority becomes the text as it now stands. Paragraphs are updated in place
    /// (each change audited); a paragraph no longer in the text is emptied rather than removed, and not printed.
    /// </summary>
    public static async Task WriteAsync(OutturnDbContext db, Period period, int priorityId, string? text, CancellationToken ct)
    {
        var existing = await db.Commentaries.Where(c => c.PriorityId == priorityId && c.Period == period).OrderBy(c => c.Order).ToListAsync(ct);
        var paragraphs = SupportingCommentary.Paragraphs(text);
        for (var n = 0; n < Math.Max(paragraphs.Count, existing.Count); n++)
        {
            var paragraph = n < paragraphs.Count ? paragraphs[n] : "";
            if (n < existing.Count) { if (existing[n].Text != paragraph) existing[n].Text = paragraph; }
            else db.Commentaries.Add(new Commentary { PriorityId = priorityId, Period = period, Order = n + 1, Text = paragraph });
        }
    }
}
