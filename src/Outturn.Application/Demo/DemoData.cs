using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Application.Returns;

namespace Outturn.Application.Demo;

/// <summary>
/// The demonstration data set: plan folders shipped with the application (under Demo/plans), drawn from the
/// published documents of docs/sources.md. Loading is idempotent: a plan already held is left as it is. It is one transaction: a failure or a
/// crash part way leaves nothing of it, so "a plan is held" reliably means the demo was loaded (or a council's own
/// data is there). Run it through <see cref="DatabaseSetup"/>, which keeps two instances from loading it at once.
/// </summary>
public sealed class DemoData(OutturnDbContext db, PlanImport import, DemoRegisters registers, Benchmarks.BenchmarkDemo benchmarks, DemoAccounts accounts, DemoRounds rounds, DemoReturns returns, DemoGovernance governance, DemoOrganisations organisations)
{
    public static string PlansFolder => Path.Combine(AppContext.BaseDirectory, "Demo", "plans");

    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct = default)
    {
        var report = new List<string>();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var folder in Directory.GetDirectories(PlansFolder).Order(StringComparer.Ordinal))
        {
            var planRef = Path.GetFileName(folder);
            if (await db.Plans.AnyAsync(p => p.Ref == planRef, ct))
            {
                report.Add($"{planRef}: already held, left as it is.");
                continue;
            }
            var result = await import.ImportAsync(folder, ct);
            if (!result.Imported)
                throw new InvalidOperationException($"The demo plan {planRef} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            report.Add($"{planRef}: loaded.");
        }
        report.AddRange(await benchmarks.LoadAsync(ct));
        report.AddRange(await registers.LoadAsync(ct));
        report.AddRange(await organisations.EnsureAsync(ct));
        report.AddRange(await accounts.EnsureAsync());
        report.AddRange(await rounds.EnsureAsync(ct));
        report.AddRange(await returns.LoadAsync(ct));
        report.AddRange(await governance.EnsureAsync(ct));
        await tx.CommitAsync(ct);
        return report;
    }
}
