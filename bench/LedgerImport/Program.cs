using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application;
using Outturn.Application.Data;
using Outturn.Application.Finance;

// How long a ledger import takes against the cost of merely reading the same file (the baseline, measured in the
// same run): validation (figures, names, printed totals) and the replacing transaction on SQLite.
// Usage: dotnet run -c Release --project bench/LedgerImport -- [departments] [lines per department]
var departments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var linesPer = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var folder = Path.Combine(Path.GetTempPath(), "outturn-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var (ledger, deptFile, rows) = Write(folder, departments, linesPer);
    var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:DataDirectory"] = folder }).Build();
    var services = new ServiceCollection().AddOutturn(config).BuildServiceProvider();
    using (var scope = services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<FinanceImport>().ImportDepartmentsAsync(deptFile);
    }

    double Median(List<double> xs) { xs.Sort(); return xs[xs.Count / 2]; }
    // The same file with its last printed total wrong: rejected after full validation, so it times the checks alone.
    var text = File.ReadAllText(ledger).TrimEnd('\n');
    var cut = text.LastIndexOf(",Net Expenditure,", StringComparison.Ordinal);
    var rejectedFile = Path.Combine(folder, "rejected.csv");
    File.WriteAllText(rejectedFile, text[..cut] + ",Net Expenditure,1,1,1,0\n");
    var read = new List<double>();
    var import = new List<double>();
    var validate = new List<double>();
    for (var run = 0; run < 7; run++)
    {
        var sw = Stopwatch.StartNew();
        var errors = new List<string>();
        var parsed = Sheet.Read(ledger, FinanceImport.LedgerColumns, FinanceImport.LedgerOptional, errors)!;
        if (parsed.Count != rows || errors.Count > 0) throw new InvalidOperationException("baseline read failed");
        read.Add(sw.Elapsed.TotalMilliseconds);

        using var scope = services.CreateScope();
        sw.Restart();
        var rejected = await scope.ServiceProvider.GetRequiredService<FinanceImport>().ImportLedgerAsync(rejectedFile);
        validate.Add(sw.Elapsed.TotalMilliseconds);
        if (rejected.Imported) throw new InvalidOperationException("the rejected file should fail on its last total");
        sw.Restart();
        var result = await scope.ServiceProvider.GetRequiredService<FinanceImport>().ImportLedgerAsync(ledger);
        import.Add(sw.Elapsed.TotalMilliseconds);
        if (!result.Imported) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
    }
    // The first run warms up; the medians are of all seven (the first is the slowest and sorts last).
    var r = Median(read);
    var i = Median(import);
    Console.WriteLine($"ledger of {departments} departments × {linesPer} lines + 5 totals = {rows} rows");
    Console.WriteLine($"read only (baseline): {r:F1} ms");
    var v = Median(validate);
    Console.WriteLine($"validate and reject (nothing written): {v:F1} ms ({v / r:F1}× the read)");
    Console.WriteLine($"validate + replace on SQLite: {i:F1} ms ({i / r:F1}× the read; {i * 1000 / rows:F0} µs a row)");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(folder, true); } catch (IOException) { }
}

static (string Ledger, string Departments, int Rows) Write(string folder, int departments, int linesPer)
{
    var sb = new StringBuilder("department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n");
    var depts = new StringBuilder("name,directorate\n");
    var random = new Random(4);
    var rows = 0;
    for (var d = 0; d < departments; d++)
    {
        var name = $"Department {d:D3}";
        depts.Append(name).Append(",Bench\n");
        var sums = new Dictionary<string, (long A, long B, long E)> { ["Expenditure"] = (0, 0, 0), ["Income"] = (0, 0, 0), ["Recharges"] = (0, 0, 0) };
        for (var l = 0; l < linesPer; l++)
        {
            var section = l % 5 == 4 ? "Recharges" : l % 3 == 2 ? "Income" : "Expenditure";
            var sign = section == "Income" ? -1 : 1;
            long a = sign * random.Next(1, 20000), b = a / 2, e = b + sign * random.Next(-50, 50);
            var s = sums[section];
            sums[section] = (s.A + a, s.B + b, s.E + e);
            sb.Append(CultureInfo.InvariantCulture, $"{name},2015/16 Q2,{section},Line {l},{F(a)},{F(b)},{F(e)},{F(b - e)}\n");
            rows++;
        }
        var (ea, eb, ee) = sums["Expenditure"];
        var (ia, ib, ie) = sums["Income"];
        var (ra, rb, re) = sums["Recharges"];
        foreach (var (total, a, b, e) in new[] { ("Total Expenditure", ea, eb, ee), ("Total Income", ia, ib, ie), ("Net Operational Budget", ea + ia, eb + ib, ee + ie), ("Total Recharges", ra, rb, re), ("Net Expenditure", ea + ia + ra, eb + ib + rb, ee + ie + re) })
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name},2015/16 Q2,Total,{total},{F(a)},{F(b)},{F(e)},{F(b - e)}\n");
            rows++;
        }
    }
    var ledger = Path.Combine(folder, "ledger.csv");
    File.WriteAllText(ledger, sb.ToString());
    var deptFile = Path.Combine(folder, "departments.csv");
    File.WriteAllText(deptFile, depts.ToString());
    return (ledger, deptFile, rows);

    // As the reports write them: thousands separators, negatives in brackets.
    static string F(long v) => "\"" + (v < 0 ? $"({(-v).ToString("#,0", CultureInfo.InvariantCulture)})" : v.ToString("#,0", CultureInfo.InvariantCulture)) + "\"";
}
