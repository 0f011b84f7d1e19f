using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Risks;

namespace Outturn.Application.Risks;

/// <summary>Which assessment a band filter looks at.</summary>
public enum RiskAssessment { Residual, Initial }

/// <summary>The register page's filters; null means any.</summary>
public sealed record RiskFilter(string? Directorate = null, RiskBand? Band = null, string? Owner = null, RiskAssessment BandOf = RiskAssessment.Residual);

public sealed record RiskRegisterView(
    IReadOnlyList<Risk> Risks, HeatMap Initial, HeatMap Residual,
    IReadOnlyList<string> Directorates, IReadOnlyList<string> Owners, int Held);

/// <summary>A row of the service plan's "Risk Assessment for Key Service Objectives initially assessed as High" table.</summary>
public sealed record HighRiskObjectiveRow(string ObjectiveRef, string? ObjectiveTitle, IReadOnlyList<Risk> Risks)
{
    public IEnumerable<string> RisksIdentified => Risks.Select(r => r.Title);
    public IEnumerable<RiskControlMeasure> TreatmentMeasures => Risks.SelectMany(r => r.Controls.OrderBy(c => c.Order));
}

/// <summary>The quarter's "Risk Control Measures" section of a plan's report.</summary>
public sealed record RiskControlSection(Period Period, IReadOnlyList<Risk> HighRisks, IReadOnlyList<HighRiskObjectiveRow> KeyObjectives)
{
    /// <summary>Progress on treatment measures is reported at quarters 2 and 4 (docs/spec.md §4 Risk scores; docs/sources.md §3 and §2.5).</summary>
    public bool IsReportingQuarter => Period.Kind == PeriodKind.Quarter && Period.Number is 2 or 4;
}

public sealed class RiskQuery(OutturnDbContext db)
{
    private IQueryable<Risk> WithControls() =>
        db.Set<Risk>().AsNoTracking().AsSplitQuery().Include(r => r.Controls).ThenInclude(c => c.Updates);

    public Task<Risk?> RiskAsync(string riskRef, CancellationToken ct = default) =>
        WithControls().FirstOrDefaultAsync(r => r.Ref == riskRef, ct);

    public async Task<RiskRegisterView> RegisterAsync(RiskFilter filter, CancellationToken ct = default)
    {
        var all = await WithControls().ToListAsync(ct);
        var risks = all
            .Where(r => filter.Directorate is null || string.Equals(r.Directorate, filter.Directorate, StringComparison.OrdinalIgnoreCase)
                                                    || string.Equals(r.Service, filter.Directorate, StringComparison.OrdinalIgnoreCase))
            .Where(r => filter.Owner is null || string.Equals(r.Owner, filter.Owner, StringComparison.OrdinalIgnoreCase))
            .Where(r => filter.Band is null || (filter.BandOf == RiskAssessment.Initial ? r.Initial.Band : r.Residual.Band) == filter.Band)
            .OrderBy(r => r.Directorate, StringComparer.Ordinal).ThenBy(r => r.Service ?? "", StringComparer.Ordinal).ThenBy(r => r.Order).ThenBy(r => r.Ref, StringComparer.Ordinal)
            .ToList();
        return new RiskRegisterView(
            risks,
            HeatMap.Of("Initial", risks.Select(r => (r.Ref, r.Initial))),
            HeatMap.Of("Residual", risks.Select(r => (r.Ref, r.Residual))),
            all.SelectMany(r => new[] { r.Directorate, r.Service }).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            all.Select(r => r.Owner).Distinct().Order(StringComparer.Ordinal).ToList(),
            all.Count);
    }

    /// <summary>Risks past their review date, most overdue first, for the performance officer's dashboard.</summary>
    public async Task<List<Risk>> OverdueForReviewAsync(DateOnly today, CancellationToken ct = default) =>
        (await db.Set<Risk>().AsNoTracking().Where(r => r.ReviewDate < today).ToListAsync(ct))
            .OrderBy(r => r.ReviewDate).ThenBy(r => r.Ref, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A plan's section for a quarter: every risk of the plan (or of its directorate's own register, not tied to
    /// another plan) whose initial score is high, with its control measures and their progress; and the key
    /// objectives of the plan with risks initially assessed as high.
    /// </summary>
    public async Task<RiskControlSection> ForPlanAsync(Plan plan, Period period, CancellationToken ct = default)
    {
        var directorate = plan.Directorate?.ToLower();
        var candidates = await WithControls()
            .Where(r => r.PlanRef == plan.Ref || (r.PlanRef == null && directorate != null && r.Directorate.ToLower() == directorate))
            .ToListAsync(ct);
        var high = candidates.Where(r => r.Initial.Band == RiskBand.High)
            .OrderBy(r => r.Order).ThenBy(r => r.Ref, StringComparer.Ordinal).ToList();
        var objectives = high.Where(r => r.PlanRef == plan.Ref && r.ObjectiveRef is not null)
            .GroupBy(r => r.ObjectiveRef!, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var objective = plan.Objectives.FirstOrDefault(o => string.Equals(o.Ref, g.Key, StringComparison.OrdinalIgnoreCase));
                return (Order: objective?.Order ?? int.MaxValue, Row: new HighRiskObjectiveRow(objective?.Ref ?? g.Key, objective?.Title, g.ToList()));
            })
            .OrderBy(x => x.Order).ThenBy(x => x.Row.ObjectiveRef, StringComparer.Ordinal).Select(x => x.Row).ToList();
        return new RiskControlSection(period, high, objectives);
    }
}

public static class RiskRegistration
{
    public static IServiceCollection AddRisks(this IServiceCollection services) =>
        services.AddScoped<RiskImport>().AddScoped<RiskQuery>();
}
