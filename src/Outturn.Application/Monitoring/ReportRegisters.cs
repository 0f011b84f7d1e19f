using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Monitoring;

/// <summary>
/// Sections 4.0, 5.0 and 7.0 of a quarter's report as plain data: the control measures of the risks initially
/// assessed as high (scores as they stood at the quarter), the high priority equality actions and the directorate's
/// financial summaries. Published with the report and frozen in its snapshot, like the performance overview.
/// </summary>
public sealed record ReportRegisters(RiskControlSection Risks, EqualitySection Equality, IReadOnlyList<FinanceSummaryDto> Finance)
{
    /// <summary>The frozen summaries as the pages and documents print them.</summary>
    public IReadOnlyList<FinancialSummary> FinancialSummaries() => Finance.Select((f, i) => f.ToSummary(i + 1)).ToList();
}

/// <summary>Builds the report's register sections from what is held now, for a draft or for publishing.</summary>
public sealed class ReportRegisterQuery(OutturnDbContext db, RiskQuery risks, EqualityQuery equality, FinanceQuery finance)
{
    public async Task<ReportRegisters?> ForAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Ref == planRef, ct);
        return plan is null ? null : await ForAsync(plan, period, ct);
    }

    public async Task<ReportRegisters> ForAsync(Plan plan, Period period, CancellationToken ct = default) => new(
        await risks.ForPlanAsync(plan, period, ct),
        await equality.ForPlanAsync(plan, period, ct),
        (await finance.ForDirectorateAsync(plan.Directorate, period, ct)).Select(FinanceSummaryDto.From).ToList());
}
