using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;

// Times the board documents: the demo Priority Based report (Quarter 2 2015/16) and a synthetic plan with 1,000
// measures and 300 milestones, in Word, HTML and PDF. Two baselines are measured in the same run: writing the same
// monitoring's tables as CSV, and, for Word, writing the same document.xml (taken from the Word file) into a zip,
// which is the least any Word writer must do; each figure is given as a ratio to them.
//   dotnet run -c Release --project bench/Outturn.Bench.Documents [-- --runs 10] [--no-pdf]
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(10);
var withPdf = !args.Contains("--no-pdf");
var chromium = Environment.GetEnvironmentVariable("OUTTURN_TEST_CHROMIUM") is { Length: > 0 } c ? c : PdfRenderer.DefaultChromium;

var folder = Path.Combine(Path.GetTempPath(), "outturn-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:DataDirectory"] = folder, ["Outturn:Documents:Chromium"] = chromium }).Build();
var services = new ServiceCollection();
services.AddOutturn(configuration);
services.AddSingleton<ICurrentUser>(new SystemUser("bench"));
await using var provider = services.BuildServiceProvider();
Document demo;
MonitoringReport demoReport;
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
    await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
    demo = (await scope.ServiceProvider.GetRequiredService<BoardReports>().PpbAsync(DemoRounds.PlanRef, Period.Quarter(2015, 2)))!;
    var round = await scope.ServiceProvider.GetRequiredService<Outturn.Application.Rounds.RoundViews>().FindAsync(DemoRounds.PlanRef, Period.Quarter(2015, 2));
    demoReport = Outturn.Application.Rounds.SnapshotJson.Published(round!)!;
}

var synthetic = Synthetic.Report(measures: 1000, milestones: 300, priorities: 10);
var syntheticDoc = PpbDocument.Build(new PpbContent(synthetic, false, [], [], [new Paragraph("Standard text.", "4.1")], [new Paragraph("Standard text.", "5.1")], [new Paragraph(StandardReportSections.NoFinancialSummary, "7.1")]));
var pdf = provider.GetRequiredService<PdfRenderer>();

Console.WriteLine($"Board documents benchmark: {runs} timed runs after 2 warm-ups; median (min) per document; allocated = managed bytes allocated by one run.");
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine();
Console.WriteLine($"| document | format | median ms | min ms | ratio to CSV baseline | ratio to zip baseline | allocated MB | process peak MB so far | output KB |");
Console.WriteLine($"| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (name, report, doc) in new[] { ("demo PPB Q2 2015/16", demoReport, demo), ("synthetic 1,000 measures / 300 milestones", synthetic, syntheticDoc) })
{
    var baseline = await Measure(() => Task.FromResult(TableExport.MonitoringCsv(report, "measures").Length + TableExport.MonitoringCsv(report, "milestones").Length), runs);
    var documentXml = DocumentXml(WordRenderer.Render(doc));
    var zip = await Measure(() => Task.FromResult(ZipOf(documentXml)), runs);
    Row(name, "CSV tables (baseline)", baseline, baseline, zip);
    Row(name, "document.xml into a zip (baseline)", zip, baseline, zip);
    Row(name, "document model (build)", await Measure(() => Task.FromResult(PpbDocument.Build(new PpbContent(report, false, [], [], [], [], [])).Blocks.Count), runs), baseline, zip);
    Row(name, "Word .docx", await Measure(() => Task.FromResult(WordRenderer.Render(doc).Length), runs), baseline, zip);
    Row(name, "HTML", await Measure(() => Task.FromResult(HtmlRenderer.RenderPage(doc).Length), runs), baseline, zip);
    if (withPdf) Row(name, "PDF (Chromium)", await Measure(async () => (await pdf.RenderAsync(doc)).Length, Math.Min(runs, 3)), baseline, zip);
}
Console.WriteLine();
Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB (Chromium runs in its own processes, not counted).");
try { Directory.Delete(folder, true); } catch (IOException) { }
return 0;

static void Row(string name, string format, Result r, Result baseline, Result zip) =>
    Console.WriteLine($"| {name} | {format} | {r.Median:N1} | {r.Min:N1} | {r.Median / baseline.Median:N1}× | {r.Median / zip.Median:N1}× | {r.AllocatedBytes / 1048576.0:N1} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} | {r.OutputBytes / 1024.0:N0} |");

// The main part of a Word file as it was written, to time the bare cost of storing it.
static byte[] DocumentXml(byte[] docx)
{
    using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
    using var entry = archive.GetEntry("word/document.xml")!.Open();
    using var copy = new MemoryStream();
    entry.CopyTo(copy);
    return copy.ToArray();
}

// A zip holding that one part, compressed as a Word file's parts are.
static int ZipOf(byte[] documentXml)
{
    using var output = new MemoryStream();
    using (var archive = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
    {
        using var entry = archive.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.Optimal).Open();
        entry.Write(documentXml);
    }
    return (int)output.Length;
}

static async Task<Result> Measure(Func<Task<int>> work, int runs)
{
    for (var i = 0; i < 2; i++) await work();
    var times = new List<double>();
    long allocated = 0;
    var output = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        output = await work();
        sw.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return new Result(times[times.Count / 2], times[0], allocated, output);
}

internal sealed record Result(double Median, double Min, long AllocatedBytes, int OutputBytes);

internal static class Synthetic
{
    /// <summary>A plan's monitoring of the given size: measures split into key and table measures, statuses cycling.</summary>
    public static MonitoringReport Report(int measures, int milestones, int priorities)
    {
        string[] progress = ["green", "amber", "red", "na"];
        string[] direction = ["better", "same", "worse", "na"];
        var list = new List<PriorityReport>();
        for (var p = 0; p < priorities; p++)
        {
            var ms = Enumerable.Range(0, measures / priorities).Select(i =>
            {
                var n = p * 1000 + i;
                return new MeasureLine($"SYN{n:D4}", $"Synthetic measure {n}: percentage of assessments completed within timescale", i < 3, "72%", 80m, "80%", 75m + i % 10, $"{75 + i % 10}%",
                    "final", 70m, progress[n % 4], direction[n % 4], progress[n % 4], direction[n % 4], null, null);
            }).ToList();
            var mil = Enumerable.Range(0, milestones / priorities).Select(i => new MilestoneLine($"SYN{p:D2}{i:D3}",
                $"Synthetic milestone {i}: review, implement and evaluate the joint commissioning of a service by March", progress[i % 3], i % 5 == 0 ? "On course; the review is under way." : null, null)).ToList();
            list.Add(new PriorityReport($"Synthetic priority {p + 1}", ms.Where(m => m.Key).ToList(), mil, ms.Where(m => !m.Key).ToList(), ["Supporting commentary for the priority."]));
        }
        var officers = new List<OfficerKey> { new("TC", "Tracey Coffey", "Operational Director") };
        return new MonitoringReport("SYN-1000", "Synthetic plan", "Synthetic directorate", "2015/16 Q2", "Quarter 2 2015/16",
            "Quarter 2, 01 July 2015 – 30 September 2015", "14/15 Actual", "15/16 Target", list, officers);
    }
}
