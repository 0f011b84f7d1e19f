using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

/// <summary>
/// The demonstration returns: a synthetic SSDA903 and CIN census for 2014/15 and 2015/16 sized like Halton (about 150
/// children looked after at 31 March, 1,500–1,700 referrals a year), generated from a fixed seed — no real child's
/// data — with a few deliberate errors for the validation stage to find, and linked to the measures of HBC-CYP-2015-16. Loaded once, into a store that holds no returns.
/// </summary>
public sealed class DemoReturns(OutturnDbContext db, ReturnsImport import, ReturnsFill fill, ReturnsSettings settings)
{
    /// <summary>
    /// Halton's children aged 0–17, for referrals per 10,000, by collection year. Approximate: the Office for National
    /// Statistics' mid-2015 estimate of Halton's children aged 0–19 is 31,100 (as published in Public Health England's
    /// Child Health Profile for Halton, March 2017); less an estimated tenth for ages 18 and 19 this gives about 28,000,
    /// rounded to the nearest hundred as ONS asks. The mid-2014 figure is taken as the same (docs/statutory-indicators.md).
    /// </summary>
    public static readonly IReadOnlyDictionary<int, int> HaltonChildPopulation = new Dictionary<int, int> { [2014] = 28_000, [2015] = 28_000 };

    public const string Plan = "HBC-CYP-2015-16";
    public static readonly SynthOptions LookedAfter = new(Children: 260, Years: 2, Seed: 2015) { Errors = 0.02 };
    public static readonly SynthOptions InNeed = new(Children: 4200, Years: 2, Seed: 2015) { Errors = 0.003 };

    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct = default)
    {
        if (await db.Set<ReturnImport>().AnyAsync(ct)) return ["Synthetic demo returns: already held, left as it is."];
        var folder = Path.Combine(Path.GetTempPath(), "outturn-demo-returns", Guid.NewGuid().ToString("N"));
        try
        {
            var report = new List<string>();
            foreach (var dir in Synthetic.WriteSsda903(LookedAfter, Path.Combine(folder, "ssda903")))
                report.AddRange(Checked(await import.ImportAsync(ReturnKind.Ssda903, dir, null, ct)));
            Synthetic.WriteCin(InNeed, Path.Combine(folder, "cin"));
            report.AddRange(Checked(await import.ImportAsync(ReturnKind.Cin, Path.Combine(folder, "cin"), null, ct)));
            report.AddRange((await fill.LinkDefaultsAsync(Plan, ct)).Select(l => $"{Plan}: {l}"));
            if (!File.Exists(settings.PopulationFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(settings.PopulationFile)!);
                await File.WriteAllTextAsync(settings.PopulationFile,
                    System.Text.Json.JsonSerializer.Serialize(HaltonChildPopulation.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value)), ct);
                report.Add($"children aged 0–17 for referral rates: {string.Join(", ", HaltonChildPopulation.Select(kv => $"{kv.Key}/{(kv.Key + 1) % 100:D2} {kv.Value:N0}"))} (approximate, from ONS mid-2015; {Path.GetFileName(settings.PopulationFile)})");
            }
            return report.Select(r => "Synthetic returns: " + r).ToList();
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private static IReadOnlyList<string> Checked(ReturnsImportResult result) =>
        result.Ok ? result.Imported : throw new InvalidOperationException("The demo returns do not load: " + string.Join("; ", result.Errors));
}
