using System.Globalization;
using MiniExcelLibs;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>
/// The offline workbook of a round: one sheet per kind of item, pre-filled with the officer's items, last period's
/// figure beside each. An upload is checked whole; any error rejects the file and changes nothing.
/// </summary>
public sealed class RoundWorkbook(RoundService rounds, OutturnDbContext db)
{
    public const string Measures = "Measures", Milestones = "Milestones", Narrative = "Narrative";

    private static readonly string[] MeasureColumns = ["item", "ref", "measure", "last period", "value", "status", "note", "commentary", "reason", "submit"];
    /// <summary>Written after "note"; a workbook without it (made before it existed) keeps each item's internal note.</summary>
    private const string InternalNoteColumn = "internal note";
    private static readonly string[] MeasureSheetColumns = ["item", "ref", "measure", "last period", "value", "status", "note", InternalNoteColumn, "commentary", "reason", "submit"];
    private static readonly string[] MilestoneColumns = ["item", "ref", "milestone", "last period", "progress", "commentary", "submit"];
    private static readonly string[] NarrativeColumns = ["item", "section", "commentary", "submit"];

    public static readonly IReadOnlyDictionary<string, ValueStatus> StatusWords = new Dictionary<string, ValueStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["final"] = ValueStatus.Final, ["provisional"] = ValueStatus.Provisional, ["not yet available"] = ValueStatus.Unavailable,
    };

    public async Task<byte[]> BuildAsync(MonitoringRound round, int? officerId, CancellationToken ct = default)
    {
        var items = await rounds.ItemsAsync(round, officerId, ct);
        static string Status(ValueStatus? s) => s switch { ValueStatus.Final => "final", ValueStatus.Provisional => "provisional", ValueStatus.Unavailable => "not yet available", _ => "" };
        var sheets = new Dictionary<string, object>
        {
            [Measures] = items.Where(i => i.Item.Kind == ItemKind.Measure).Select(i => Row(MeasureSheetColumns,
                i.Item.Id, i.Ref, i.Title, i.LastPeriodText, Monitoring.MonitoringQuery.Normal(i.Item.Value), Status(i.Item.ValueStatus), i.Item.Note, i.Item.InternalNote, i.Item.Commentary, i.Item.Reason, Submitted(i.Item))).ToList(),
            [Milestones] = items.Where(i => i.Item.Kind == ItemKind.Milestone).Select(i => Row(MilestoneColumns,
                i.Item.Id, i.Ref, i.Title, i.LastPeriodText, i.Item.Progress?.ToWord(), i.Item.Commentary, Submitted(i.Item))).ToList(),
            [Narrative] = items.Where(i => i.Item.Kind == ItemKind.Narrative).Select(i => Row(NarrativeColumns,
                i.Item.Id, i.Title, i.Item.Commentary, Submitted(i.Item))).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A submitted item stays submitted when the workbook comes back unchanged.</summary>
    private static string Submitted(RoundItem item) => item.State == ItemState.Submitted ? "yes" : "no";

    private static Dictionary<string, object?> Row(string[] columns, params object?[] values) =>
        columns.Zip(values).ToDictionary(p => p.First, p => p.Second);

    public sealed record UploadResult(int Saved, int Submitted, IReadOnlyList<string> Errors);

    private sealed record Planned(RoundItem Item, ItemUpdate Update, bool Submit);

    /// <summary>Checks every row first; only a file without errors is applied, in one transaction.</summary>
    public async Task<UploadResult> UploadAsync(MonitoringRound round, Stream file, Actor actor, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var planned = new List<Planned>();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (GuardedWorkbook.Check(buffer) is { } refused) return new UploadResult(0, 0, [$"The file is refused: {refused}"]);
        List<string> sheetNames;
        try { buffer.Position = 0; sheetNames = MiniExcel.GetSheetNames(buffer); }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or NotSupportedException or System.Xml.XmlException)
        {
            return new UploadResult(0, 0, ["The file is not an Excel workbook (.xlsx)."]);
        }
        if (!round.AcceptsUpdates) return new UploadResult(0, 0, [$"The round is {MonitoringRound.Describe(round.State)}: updates are closed."]);

        foreach (var (sheet, columns, kind) in new[] { (Measures, MeasureColumns, ItemKind.Measure), (Milestones, MilestoneColumns, ItemKind.Milestone), (Narrative, NarrativeColumns, ItemKind.Narrative) })
        {
            if (!sheetNames.Contains(sheet)) { errors.Add($"Sheet \"{sheet}\" is missing."); continue; }
            buffer.Position = 0;
            var rows = buffer.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
            var header = rows.FirstOrDefault()?.Keys.ToList() ?? [];
            foreach (var missing in columns.Where(c => rows.Count > 0 && !header.Contains(c)))
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
                if (!actor.RunsRounds && item.AssigneeId != actor.OfficerId)
                {
                    errors.Add($"{at}, column \"item\": {item.Label} is not assigned to you.");
                    continue;
                }
                var submit = Text("submit").ToLowerInvariant() switch { "yes" => (bool?)true, "no" or "" => false, _ => null };
                if (submit is null) errors.Add($"{at}, column \"submit\": \"{ImportErrors.Value(Text("submit"))}\" is not yes or no.");
                var rowOk = submit is not null;
                ItemUpdate update;
                switch (kind)
                {
                    case ItemKind.Measure:
                        decimal? value = null;
                        if (Text("value").Length > 0)
                        {
                            if (decimal.TryParse(Text("value"), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) value = d;
                            else { errors.Add($"{at}, column \"value\": \"{ImportErrors.Value(Text("value"))}\" is not a number."); rowOk = false; }
                        }
                        ValueStatus? status = null;
                        if (Text("status").Length > 0)
                        {
                            if (StatusWords.TryGetValue(Text("status"), out var s)) status = s;
                            else { errors.Add($"{at}, column \"status\": \"{ImportErrors.Value(Text("status"))}\" is not one of final, provisional, not yet available."); rowOk = false; }
                        }
                        update = new ItemUpdate(value, status, Nullable(Text("note")), null, Nullable(Text("commentary")), Nullable(Text("reason")),
                            header.Contains(InternalNoteColumn) ? Nullable(Text(InternalNoteColumn)) : item.InternalNote);
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
                if (rowOk) planned.Add(new Planned(item, update, submit!.Value));
            }
        }
        if (errors.Count > 0) return new UploadResult(0, 0, ImportErrors.Capped(errors));

        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var p in planned)
        {
            var result = await rounds.SaveAsync(round.Id, p.Item.Id, p.Item.Version, p.Update, p.Submit, actor, ct);
            if (result is SaveResult.Invalid invalid)
                throw new DomainException($"{p.Item.Label}: {string.Join(" ", invalid.Problems)} Nothing was saved.");
            if (result is not SaveResult.Saved)
                throw new DomainException($"{p.Item.Label} changed while the file was being loaded; nothing was saved. Download a fresh workbook.");
        }
        await tx.CommitAsync(ct);
        return new UploadResult(planned.Count, planned.Count(p => p.Submit), []);
    }

    private static string? Nullable(string s) => s.Length == 0 ? null : s;
}
