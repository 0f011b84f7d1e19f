using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>The steps a round takes between opening and publication, and back.</summary>
public enum RoundStep { MoveToReview, SignOff, Publish, Reopen, SendBack }

/// <summary>
/// Moves a round a step: to review (compiling each priority's supporting commentary first), signed off, sent back,
/// reopened for updates, or published (freezing the report). The round itself says whether the step may be taken.
/// </summary>
public sealed class ChangeStage(OutturnDbContext db, MonitoringQuery monitoring, RoundViews views, ReportRegisterQuery registers, Documents.ReportCharts charts, TimeProvider clock)
{
    /// <summary>
    /// <paramref name="Reason"/> is the approver's comment on signing off, or why the round is sent back or reopened;
    /// <paramref name="ConfirmOutstanding"/> is the count of items outstanding the performance officer confirms on moving to review;
    /// <paramref name="At"/> is when the step is recorded as taken (now, unless given).
    /// </summary>
    public sealed record Request(int RoundId, RoundStep Step, string? Reason = null, int? ConfirmOutstanding = null, DateTimeOffset? At = null);

    public async Task HandleAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var round = await views.FindAsync(request.RoundId, ct) ?? throw new DomainException("No such round.");
        var now = request.At ?? clock.GetUtcNow();
        switch (request.Step)
        {
            case RoundStep.MoveToReview:
                if (round.State == RoundState.Open) await CompileCommentaryAsync(round, actor, ct);
                try
                {
                    round.MoveToReview(actor.Name, now, request.ConfirmOutstanding);
                }
                catch (DomainException) when (round.State == RoundState.Open)
                {
                    // The compiled commentary is kept though the move is refused: the count of items outstanding the
                    // performance officer is then asked to confirm is the count after compiling, which the next
                    // attempt will find again. Discarding it would ask for a number the move can never match.
                    await db.SaveChangesAsync(ct);
                    throw;
                }
                break;
            case RoundStep.SignOff: round.SignOff(actor.Name, now, request.Reason); break;
            case RoundStep.SendBack: round.SendBack(actor.Name, now, request.Reason ?? ""); break;
            case RoundStep.Reopen: round.ReopenForUpdates(actor.Name, now, request.Reason ?? ""); break;
            case RoundStep.Publish:
                var report = await views.LiveReportAsync(round, ct);
                // Sections 4.0, 5.0 and 7.0 and the key measures' trend charts are frozen with the performance
                // overview, so the published report never changes.
                report = report with { Registers = await registers.ForAsync(report.Plan, round.Period, ct), Charts = await charts.FiguresAsync(report, ct) };
                round.Publish(JsonSerializer.Serialize(report, SnapshotJson.Options), actor.Name, now);
                break;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Compiles each priority's supporting commentary from the commentary submitted against its measures and
    /// milestones, in the order the report lists them (key measures, milestones, then the other measures), each
    /// paragraph with its officer's initials. Text the performance officer has written or changed is kept.
    /// </summary>
    private async Task CompileCommentaryAsync(MonitoringRound round, Actor actor, CancellationToken ct)
    {
        var planRef = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        var plan = (await monitoring.LoadPlanAsync(planRef, ct))!;
        var initials = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Initials, ct);
        // A paragraph drafted from the figures carries the initials of the officer who approved it.
        string? InitialsOf(RoundItem i) => (i.CommentaryApprovedByOfficerId ?? i.AssigneeId) is { } id ? initials.GetValueOrDefault(id) : null;
        var submitted = round.Items.Where(i => i.State == ItemState.Submitted && !string.IsNullOrWhiteSpace(i.Commentary)).ToList();
        var now = clock.GetUtcNow();
        foreach (var section in round.Items.Where(i => i.IsSupportingCommentary && i.PriorityId is not null))
        {
            var measures = plan.Indicators.Where(i => i.PriorityId == section.PriorityId).OrderBy(i => i.IsKey ? 0 : 1).ThenBy(i => i.Order).ToList();
            var pieces = measures.Where(m => m.IsKey)
                .Select(m => submitted.FirstOrDefault(i => i.IndicatorId == m.Id))
                .Concat(plan.Milestones.Where(m => m.PriorityId == section.PriorityId).OrderBy(m => m.Order).Select(m => submitted.FirstOrDefault(i => i.MilestoneId == m.Id)))
                .Concat(measures.Where(m => !m.IsKey).Select(m => submitted.FirstOrDefault(i => i.IndicatorId == m.Id)))
                .OfType<RoundItem>()
                .Select(i => new CommentaryPiece(i.Commentary, InitialsOf(i)));
            var text = SupportingCommentary.Compile(pieces);
            if (text.Length == 0 || !section.Compile(text, actor.Name, now)) continue;
            await ReportCommentary.WriteAsync(db, round.Period, section.PriorityId!.Value, section.Commentary, ct);
        }
    }
}
