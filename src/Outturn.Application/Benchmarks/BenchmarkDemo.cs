using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Benchmarks;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// The demonstration benchmark data (Demo/benchmarks, see its README): every English authority with its codes and
/// region, Halton's statistical neighbours, the figures of the Q2 2015/16 report's charts and SYNTHETIC figures for
/// the other authorities. Loaded once, when no areas are held, after the demo plans (values need their indicators).
/// </summary>
public sealed class BenchmarkDemo(OutturnDbContext db, ComparisonGroups groups, BenchmarkImport import, ReportCardQuery reportCard)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Demo", "benchmarks");

    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct = default)
    {
        if (await db.Set<Area>().AnyAsync(ct)) return ["benchmarks: already held, left as it is."];
        var (added, _, errors) = await groups.ImportAreasAsync(Path.Combine(Folder, "areas.csv"), ct);
        Check("areas.csv", errors);

        var neighbourErrors = new List<string>();
        foreach (var row in CsvTable.Read(Folder, "neighbours.csv", ["area", "kind", "source", "members"], [], true, neighbourErrors) ?? [])
        {
            var kind = row["kind"] switch
            {
                "statistical-neighbours" => ComparisonGroupKind.StatisticalNeighbours,
                "cipfa" => ComparisonGroupKind.CipfaNearestNeighbours,
                _ => ComparisonGroupKind.Custom,
            };
            var result = await groups.SetAsync(row["area"], row["members"].Split(','), kind, null, row["source"], ct);
            neighbourErrors.AddRange(result.Errors.Select(e => $"{row.Where}: {e}"));
        }
        Check("neighbours.csv", neighbourErrors);

        var lines = new List<string> { $"benchmarks: {added} areas loaded." };
        // counts.csv gives CED047's 2015/16 figures again with their (synthetic) counts, for its funnel plot.
        foreach (var file in new[] { "published.csv", "synthetic.csv", "counts.csv" })
        {
            var result = await import.ImportAsync("long", Path.Combine(Folder, file), ct);
            Check(file, result.Errors);
            lines.Add($"benchmarks: {file}: {result.Rows} values loaded.");
        }
        Check("report-card.csv", await reportCard.ImportAsync(Path.Combine(Folder, "report-card.csv"), ct));
        return lines;
    }

    private static void Check(string file, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
            throw new InvalidOperationException($"The demo benchmark file {file} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }
}
