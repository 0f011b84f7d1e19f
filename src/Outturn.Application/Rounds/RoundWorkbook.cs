using System.Globalization;
using MiniExcelLibs;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>
/// The offline workbook of a round: one sheet per kind of item, pre-filled with the officer's items, with each
/// measure's definition, target and last period's figure beside it, and the version of each item as downloaded. An
/// upload is checked whole; any error rejects the file and changes nothing. A row whose item has changed since the
/// workbook was downloaded (someone saved it on the web, say) is a conflict: it is listed and not applied, so that
/// nobody's later work is overwritten, and the other rows are applied together.
/// </summary>
public sealed class RoundWorkbook(RoundViews rounds, SaveItem save, Organisations.OrganisationService organisations, OutturnDbContext db)
{
    public const string Measures = "Measures", Milestones = "Milestones", Narrative = "Narrative";

    /// <summary>Written after "note"; a workbook without it (made before it existed) keeps each item's internal note.</summary>
    private const string InternalNoteColumn = "internal note";
    private static readonly string[] MeasureColumns = ["item", "version", "ref", "measure", "definition", "target", "last period", "value", "numerator", "denominator", "status", "note", InternalNoteColumn, "judgement", "reason", "commentary", "submit"];
    private static readonly string[] MilestoneColumns = ["item", "version", "ref", "milestone", "last period", "progress", "commentary", "submit"];
    private static readonly string[] NarrativeColumns = ["item", "version", "section", "commentary", "submit"];
    /// <summary>Columns written for the officer to read; an upload does not need them.</summary>
    private static readonly HashSet<string> ForReading = ["ref", "measure", "milestone", "section", "definition", "target", "last period"];
    /// <summary>Columns an upload may leave out, keeping what the item holds.</summary>
    private static readonly HashSet<string> MayBeLeftOut = [InternalNoteColumn];

    public static readonly IReadOnlyDictionary<string, ValueStatus> StatusWords = new Dictionary<string, ValueStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["final"] = ValueStatus.Final, ["provisional"] = ValueStatus.Provisional, ["not yet available"] = ValueStatus.Unavailable,
    };

    public async Task<byte[]> BuildAsync(MonitoringRound round, int? officerId, CancellationToken ct = default, IReadOnlySet<int>? only = null)
    {
        // only: the items the person may work on (their organisation's), when they are limited to one.
        var items = (await rounds.ItemsAsync(round, officerId, ct)).Where(i => only is null || only.Contains(i.Item.Id)).ToList();
        static string Status(ValueStatus? s) => s switch { ValueStatus.Final => "final", ValueStatus.Provisional => "provisional", ValueStatus.Unavailable => "not yet available", _ => "" };
        var sheets = new Dictionary<string, object>
        {
            [Measures] = items.Where(i => i.Item.Kind == ItemKind.Measure).Select(i => Row(MeasureColumns,
                i.Item.Id, i.Item.Version, i.Ref, i.Title, i.Indicator?.Definition, i.Indicator is null ? null : Domain.Plans.MeasureAssessment.For(i.Indicator, round.Period).TargetText,
                i.LastPeriodText, Monitoring.MonitoringQuery.Normal(i.Item.Value),
                Monitoring.MonitoringQuery.Normal(i.Item.Numerator), Monitoring.MonitoringQuery.Normal(i.Item.Denominator),
                Status(i.Item.ValueStatus), i.Item.Note, i.Item.InternalNote, i.Item.Progress?.ToWord(), i.Item.Reason, i.Item.Commentary, Submitted(i.Item))).ToList(),
            [Milestones] = items.Where(i => i.Item.Kind == ItemKind.Milestone).Select(i => Row(MilestoneColumns,
                i.Item.Id, i.Item.Version, i.Ref, i.Title, i.LastPeriodText, i.Item.Progress?.ToWord(), i.Item.Commentary, Submitted(i.Item))).ToList(),
            [Narrative] = items.Where(i => i.Item.Kind == ItemKind.Narrative).Select(i => Row(NarrativeColumns,
                i.Item.Id, i.Item.Version, i.Title, i.Item.Commentary, Submitted(i.Item))).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A submitted item stays submitted when the workbook comes back unchanged.</summary>
    private static string Submitted(RoundItem item) => item.State == ItemState.Submitted ? "yes" : "no";

    private static Dictionary<string, object?> Row(string[] columns, params object?[] values) =>
        columns.Zip(values).ToDictionary(p => p.First, p => p.Second);

    /// <param name="Conflicts">Rows not applied because their item changed after the workbook was downloaded, in words.</param>
    public sealed record UploadResult(int Saved, int Submitted, IReadOnlyList<string> Errors, IReadOnlyList<string>? Conflicts = null)
    {
        public IReadOnlyList<string> Conflicts { get; init; } = Conflicts ?? [];
    }

    private sealed record Planned(RoundItem Item, int Version, ItemUpdate Update, bool Submit);

    /// <summary>Checks every row first; only a file without errors is applied, in one transaction.</summary>
    public async Task<UploadResult> UploadAsync(MonitoringRound round, Stream file, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var planned = new List<Planned>();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (GuardedWorkbook.Check(buffer) is { } refused) return new UploadResult(0, 0, [$"The file is refused: {refused}"]);
        var (sheets, unreadable) = GuardedWorkbook.ReadSheets(buffer, useHeaderRow: true, only: [Measures, Milestones, Narrative]);
        if (sheets is null) return new UploadResult(0, 0, [$"The file is refused: {unreadable}"]);
        if (!round.AcceptsUpdates) return new UploadResult(0, 0, [$"The round is {MonitoringRound.Describe(round.State)}: updates are closed."]);
        var mayEdit = await actor.EditRuleAsync(round, organisations, ct);

        foreach (var (sheet, columns, kind) in new[] { (Measures, MeasureColumns, ItemKind.Measure), (Milestones, MilestoneColumns, ItemKind.Milestone), (Narrative, NarrativeColumns, ItemKind.Narrative) })
        {
            if (!sheets.TryGetValue(sheet, out var rows)) { errors.Add($"Sheet \"{sheet}\" is missing."); continue; }
            var header = rows.FirstOrDefault()?.Keys.ToList() ?? [];
            foreach (var missing in columns.Where(c => rows.Count > 0 && !ForReading.Contains(c) && !MayBeLeftOut.Contains(c) && !header.Contains(c)))
                errors.Add($"Sheet \"{sheet}\", row 1: column \"{missing}\" is missing.");
            for (var n = 0; n < rows.Count; n++)
            {
                var row = rows[n];
                var at = $"Sheet \"{sheet}\", row {n + 2}";
                string Text(string column) => Convert.ToString(row.TryGetValue(column, out var v) ? v : null, CultureInfo.InvariantCulture)?.Trim() ?? "";
                if (columns.All(c => Text(c).Length == 0)) continue;

                if (!int.TryParse(Text("item"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var itemId) || round.Items.SingleOrDefault(i => i.Id == itemId && i.Kind == kind) is not { } item)
                {
                    errors.Add($"{at}, column \"item\": \"{ImportErrors.Value(Text("item"))}\" is not an item of this round.");
                    continue;
                }
                // The one rule says who may change the item (the round's stage was checked above).
                if (mayEdit(item) is { Kind: not EditRefusalKind.Closed } refusal)
                {
                    errors.Add($"{at}, column \"item\": {(refusal.Kind == EditRefusalKind.NotAssigned ? $"{item.Label} is not assigned to you." : refusal.Message)}");
                    continue;
                }
                if (!int.TryParse(Text("version"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
                {
                    errors.Add($"{at}, column \"version\": \"{ImportErrors.Value(Text("version"))}\" is not the version the item was downloaded at; download a fresh workbook.");
                    continue;
                }
                var submit = Text("submit").ToLowerInvariant() switch { "yes" => (bool?)true, "no" or "" => false, _ => null };
                if (submit is null) errors.Add($"{at}, column \"submit\": \"{ImportErrors.Value(Text("submit"))}\" is not yes or no.");
                var rowOk = submit is not null;
                ItemUpdate update;
                switch (kind)
                {
                    case ItemKind.Measure:
                        decimal? Figure(string column)
                        {
                            if (Text(column).Length == 0) return null;
                            if (decimal.TryParse(Text(column), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)) return d;
                            errors.Add($"{at}, column \"{column}\": \"{ImportErrors.Value(Text(column))}\" is not a number.");
                            rowOk = false;
                            return null;
                        }
                        var value = Figure("value");
                        var numerator = Figure("numerator");
                        var denominator = Figure("denominator");
                        MilestoneProgress? judgement = null;
                        if (Text("judgement").Length > 0)
                        {
                            if (Domain.Status.StatusWords.TryParseMilestoneProgress(Text("judgement"), out var j) && j != MilestoneProgress.Complete) judgement = j;
                            else { errors.Add($"{at}, column \"judgement\": \"{ImportErrors.Value(Text("judgement"))}\" is not one of green, amber, red (or blank to keep the computed status)."); rowOk = false; }
                        }
                        ValueStatus? status = null;
                        if (Text("status").Length > 0)
                        {
                            if (StatusWords.TryGetValue(Text("status"), out var s)) status = s;
                            else { errors.Add($"{at}, column \"status\": \"{ImportErrors.Value(Text("status"))}\" is not one of final, provisional, not yet available."); rowOk = false; }
                        }
                        update = new ItemUpdate(value, status, Nullable(Text("note")), judgement, Nullable(Text("commentary")), Nullable(Text("reason")), numerator, denominator,
                            InternalNote: header.Contains(InternalNoteColumn) ? Nullable(Text(InternalNoteColumn)) : item.InternalNote);
                        break;
                    case ItemKind.Milestone:
                        MilestoneProgress? progress = null;
                        if (Text("progress").Length > 0)
                        {
                            if (Domain.Status.StatusWords.TryParseMilestoneProgress(Text("progress"), out var p)) progress = p;
                            else { errors.Add($"{at}, column \"progress\": \"{ImportErrors.Value(Text("progress"))}\" is not one of green, amber, red, complete."); rowOk = false; }
                        }
                        update = new ItemUpdate(null, null, null, progress, Nullable(Text("commentary")));
                        break;
                    default:
                        update = new ItemUpdate(null, null, null, null, Nullable(Text("commentary")));
                        break;
                }
                if (rowOk && submit == true)
                    foreach (var problem in update.ProblemsFor(kind)) { errors.Add($"{at}: cannot submit: {problem}"); rowOk = false; }
                if (planned.Any(p => p.Item.Id == item.Id)) { errors.Add($"{at}, column \"item\": item {item.Id} appears twice."); rowOk = false; }
                if (rowOk) planned.Add(new Planned(item, version, update, submit!.Value));
            }
        }
        if (errors.Count > 0) return new UploadResult(0, 0, ImportErrors.Capped(errors));

        // A row whose item was saved after the download would overwrite that later work: it is left out and listed.
        var conflicts = planned.Where(p => p.Item.Version != p.Version)
            .Select(p => $"{p.Item.Label} was changed by {p.Item.UpdatedBy ?? "someone"} after this workbook was downloaded (version {p.Version}, now {p.Item.Version}); this row was not applied. Make the change on the web, or download a fresh workbook.")
            .ToList();
        var applying = planned.Where(p => p.Item.Version == p.Version).ToList();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var p in applying)
        {
            var result = await save.HandleAsync(new SaveItem.Request(round.Id, p.Item.Id, p.Version, p.Update, p.Submit), actor, ct);
            if (result is SaveResult.Invalid invalid)
                throw new DomainException($"{p.Item.Label}: {string.Join(" ", invalid.Problems)} Nothing was saved.");
            if (result is not SaveResult.Saved)
                throw new DomainException($"{p.Item.Label} changed while the file was being loaded; nothing was saved. Download a fresh workbook.", DomainRefusal.Conflict);
        }
        await tx.CommitAsync(ct);
        return new UploadResult(applying.Count, applying.Count(p => p.Submit), [], conflicts);
    }

    private static string? Nullable(string s) => s.Length == 0 ? null : s;
}
