using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Domain.Finance;
using Outturn.Domain.Risks;

namespace Outturn.Application.Demo;

/// <summary>
/// The demonstration registers and budgets (Demo/finance, Demo/risks, Demo/equality; see the README beside them),
/// loaded by the same imports users run. Idempotent: a file whose data are already held is left as it is.
/// </summary>
public sealed class DemoRegisters(OutturnDbContext db, FinanceImport finance, RiskImport risks, EqualityImport equality)
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Demo", name);

    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct = default)
    {
        var report = new List<string>();
        var financeFolder = Folder("finance");
        if (Directory.Exists(financeFolder))
        {
            var held = await db.Set<Department>().AnyAsync(ct);
            await Run("finance/departments.csv", held, () => finance.ImportDepartmentsAsync(Path.Combine(financeFolder, "departments.csv"), ct), report);
            foreach (var file in Directory.GetFiles(financeFolder, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
            {
                var path = Path.Combine(financeFolder, file);
                if (file.StartsWith("ledger-", StringComparison.Ordinal))
                    await Run($"finance/{file}", await db.Set<BudgetLine>().AnyAsync(ct), () => finance.ImportLedgerAsync(path, ct), report);
                else if (file.StartsWith("capital-", StringComparison.Ordinal))
                    await Run($"finance/{file}", await db.Set<CapitalScheme>().AnyAsync(ct), () => finance.ImportCapitalAsync(path, ct), report);
                else if (file.StartsWith("comments-", StringComparison.Ordinal))
                    await Run($"finance/{file}", await db.Set<FinanceComment>().AnyAsync(ct), () => finance.ImportCommentsAsync(path, ct), report);
            }
        }
        if (Directory.Exists(Folder("risks")))
        {
            var refs = RiskImport.Read(Folder("risks")).Risks.Select(r => r.Ref).ToList();
            var held = await db.Set<Risk>().AnyAsync(r => refs.Contains(r.Ref), ct);
            await Run("risks", held, async () => Check(await risks.ImportAsync(Folder("risks"), ct)), report);
        }
        if (Directory.Exists(Folder("equality")))
        {
            var refs = EqualityImport.Read(Folder("equality")).Actions.Select(a => a.Ref).ToList();
            var held = await db.Set<EqualityAction>().AnyAsync(a => refs.Contains(a.Ref), ct);
            await Run("equality", held, async () => Check(await equality.ImportAsync(Folder("equality"), ct)), report);
        }
        return report;
    }

    private static FinanceImportResult Check(RegisterImportResult r) => new(r.Imported, r.Errors, [], []);

    private static async Task Run(string name, bool held, Func<Task<FinanceImportResult>> load, List<string> report)
    {
        if (held)
        {
            report.Add($"{name}: already held, left as it is.");
            return;
        }
        var result = await load();
        if (!result.Imported)
            throw new InvalidOperationException($"The demo data {name} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        report.Add($"{name}: loaded{(result.Warnings.Count > 0 ? $" ({result.Warnings.Count} warnings: {string.Join(" ", result.Warnings)})" : ".")}");
    }
}
