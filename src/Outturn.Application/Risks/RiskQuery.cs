using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

/// <summary>Which score a band filter looks at.</summary>
public enum RiskScoreKind { Residual, Initial, Target }

/// <summary>
/// The register page's filters; null means any. <paramref name="At"/> is the quarter whose scores are shown (null: the
/// latest); closed risks are left out unless asked for.
/// </summary>
public sealed record RiskFilter(
    string? Directorate = null, RiskBand? Band = null, string? Owner = null, RiskScoreKind BandOf = RiskScoreKind.Residual,
    Period? At = null, bool IncludeClosed = false);

/// <summary>A risk as it stood at a quarter: its scores then, and the direction of travel into that quarter.</summary>
public sealed record RiskAt(Risk Risk, RiskScore Initial, RiskScore Residual, RiskScore? Target, Period? ScoredIn, Direction Direction)
{
    public string Ref => Risk.Ref;

    public RiskScore Score(RiskScoreKind kind) => kind switch
    {
        RiskScoreKind.Initial => Initial,
        RiskScoreKind.Target => Target ?? Residual,
        _ => Residual,
    };
}

public sealed record RiskRegisterView(
    IReadOnlyList<RiskAt> Risks, HeatMap Initial, HeatMap Residual, HeatMap Target,
    IReadOnlyList<string> Directorates, IReadOnlyList<string> Owners, IReadOnlyList<Period> Quarters, int Held);

/// <summary>How one risk moved between two quarters: its residual scores then and now (either may be missing: not yet scored, or closed).</summary>
public sealed record RiskMovement(string Ref, string Title, RiskScore? From, RiskScore? To)
{
    public Direction Direction => From is { } f && To is { } t
        ? t.Score.CompareTo(f.Score) switch { < 0 => Direction.Better, 0 => Direction.Same, _ => Direction.Worse }
        : Direction.NotApplicable;

    public string Words => (From, To) switch
    {
        (null, not null) => "new on the register",
        (not null, null) => "no longer on the register",
        _ => Direction switch
        {
            Direction.Better => $"better: down {From!.Value.Score - To!.Value.Score}",
            Direction.Worse => $"worse: up {To!.Value.Score - From!.Value.Score}",
            _ => From != To ? "same score, different cell" : "no change",
        },
    };
}

/// <summary>The register's movement between two quarters: each risk's residual score at each, and the heat maps of both.</summary>
public sealed record RiskMovementView(Period From, Period To, IReadOnlyList<RiskMovement> Risks, HeatMap FromMap, HeatMap ToMap)
{
    public int Count(Direction d) => Risks.Count(r => r.From is not null && r.To is not null && r.Direction == d);
}

public sealed class RiskQuery(OutturnDbContext db)
{
    private IQueryable<Risk> Whole() =>
        db.Set<Risk>().AsNoTracking().AsSplitQuery()
            .Include(r => r.Controls).ThenInclude(c => c.Updates)
            .Include(r => r.Assessments);

    public Task<Risk?> RiskAsync(string riskRef, CancellationToken ct = default) =>
        Whole().FirstOrDefaultAsync(r => r.Ref == riskRef, ct);

    /// <summary>
    /// A risk as it stood at a quarter: that quarter's scores, or those of the latest quarter before it. A register
    /// kept without quarters has only its held scores, which stand for any quarter. Null when the risk had not been
    /// scored by then, or had been closed before the quarter began.
    /// </summary>
    public static RiskAt? At(Risk risk, Period? period)
    {
        if (period is null)
        {
            var latest = risk.Assessments.Count == 0 ? null : risk.HistoryAt(risk.Assessments.Max(a => a.Period));
            return new RiskAt(risk, risk.Initial, risk.Residual, risk.Target, latest?.Period, latest?.Direction ?? Direction.NotApplicable);
        }
        if (risk.ClosedOn is { } closed && closed < period.Value.Start) return null;
        if (risk.Assessments.Count == 0) return new RiskAt(risk, risk.Initial, risk.Residual, risk.Target, null, Direction.NotApplicable);
        var line = risk.HistoryAt(period.Value);
        if (line is null) return null;
        var a = line.Assessment;
        return new RiskAt(risk, a.Initial, a.Residual, a.Target, a.Period, line.Direction);
    }

    public async Task<RiskRegisterView> RegisterAsync(RiskFilter filter, CancellationToken ct = default)
    {
        var all = await Whole().ToListAsync(ct);
        var risks = Matching(all, filter)
            .Where(r => filter.Band is null || r.Score(filter.BandOf).Band == filter.Band)
            .ToList();
        return new RiskRegisterView(
            risks,
            HeatMap.Of("Initial", risks.Select(r => (r.Ref, r.Initial))),
            HeatMap.Of("Residual", risks.Select(r => (r.Ref, r.Residual))),
            HeatMap.Of("Target", risks.Where(r => r.Target is not null).Select(r => (r.Ref, r.Target!.Value))),
            all.SelectMany(r => new[] { r.Directorate, r.Service }).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            all.Select(r => r.Owner).Distinct().Order(StringComparer.Ordinal).ToList(),
            Quarters(all),
            all.Count);
    }

    /// <summary>The quarters any risk was scored in, oldest first.</summary>
    private static List<Period> Quarters(IEnumerable<Risk> risks) => risks.SelectMany(r => r.Assessments).Select(a => a.Period).Distinct().Order().ToList();

    private static IEnumerable<RiskAt> Matching(IEnumerable<Risk> all, RiskFilter filter) => all
        .Where(r => filter.Directorate is null || string.Equals(r.Directorate, filter.Directorate, StringComparison.OrdinalIgnoreCase)
                                                || string.Equals(r.Service, filter.Directorate, StringComparison.OrdinalIgnoreCase))
        .Where(r => filter.Owner is null || string.Equals(r.Owner, filter.Owner, StringComparison.OrdinalIgnoreCase))
        .Where(r => filter.IncludeClosed || filter.At is not null || !r.IsClosed)
        .Select(r => At(r, filter.At)).OfType<RiskAt>()
        .OrderBy(r => r.Risk.Directorate, StringComparer.Ordinal).ThenBy(r => r.Risk.Service ?? "", StringComparer.Ordinal)
        .ThenBy(r => r.Risk.Order).ThenBy(r => r.Ref, StringComparer.Ordinal);

    /// <summary>How the register's residual scores moved from one quarter to another, for the risks matching the filter.</summary>
    public async Task<RiskMovementView> MovementAsync(Period from, Period to, RiskFilter filter, CancellationToken ct = default)
    {
        var all = await Whole().ToListAsync(ct);
        var before = Matching(all, filter with { At = from }).ToDictionary(r => r.Ref);
        var after = Matching(all, filter with { At = to }).ToDictionary(r => r.Ref);
        var rows = all.Where(r => before.ContainsKey(r.Ref) || after.ContainsKey(r.Ref))
            .OrderBy(r => r.Directorate, StringComparer.Ordinal).ThenBy(r => r.Service ?? "", StringComparer.Ordinal).ThenBy(r => r.Order).ThenBy(r => r.Ref, StringComparer.Ordinal)
            .Select(r => new RiskMovement(r.Ref, r.Title, before.GetValueOrDefault(r.Ref)?.Residual, after.GetValueOrDefault(r.Ref)?.Residual))
            .ToList();
        return new RiskMovementView(from, to, rows,
            HeatMap.Of($"{from.ToDisplayString()} residual", before.Values.Select(r => (r.Ref, r.Residual))),
            HeatMap.Of($"{to.ToDisplayString()} residual", after.Values.Select(r => (r.Ref, r.Residual))));
    }

    /// <summary>The plans a risk can threaten, by ref, with their titles, for the risk form.</summary>
    public Task<List<(string Ref, string Title)>> PlansAsync(CancellationToken ct = default) =>
        db.Plans.AsNoTracking().OrderBy(p => p.Ref).Select(p => new ValueTuple<string, string>(p.Ref, p.Title)).ToListAsync(ct);

    /// <summary>Open risks past their review date, most overdue first, for the performance officer's dashboard.</summary>
    public async Task<List<Risk>> OverdueForReviewAsync(DateOnly today, CancellationToken ct = default) =>
        (await db.Set<Risk>().AsNoTracking().Where(r => r.ReviewDate < today && r.State == RiskState.Open).ToListAsync(ct))
            .OrderBy(r => r.ReviewDate).ThenBy(r => r.Ref, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A plan's section 4.0 for a quarter, as the report prints it: every risk of the plan (or of its directorate's own
    /// register, not tied to another plan) whose initial score at that quarter is high, with its scores then, its
    /// direction of travel and its control measures' progress; and the key objectives of the plan with such risks.
    /// </summary>
    public async Task<RiskControlSection> ForPlanAsync(Plan plan, Period period, CancellationToken ct = default)
    {
        var directorate = plan.Directorate?.ToLower();
        var candidates = await Whole()
            .Where(r => r.PlanRef == plan.Ref || (r.PlanRef == null && directorate != null && r.Directorate.ToLower() == directorate))
            .ToListAsync(ct);
        return RiskControlSection.Of(plan, period, candidates.Select(r => At(r, period)).OfType<RiskAt>());
    }
}

public static class RiskRegistration
{
    public static IServiceCollection AddRisks(this IServiceCollection services) =>
        services.AddScoped<RiskImport>().AddScoped<RiskExport>().AddScoped<RiskQuery>().AddScoped<RiskStore>()
            .AddScoped<CreateRisk>().AddScoped<EditRisk>().AddScoped<ScoreRisk>()
            .AddScoped<AddControlMeasure>().AddScoped<EditControlMeasure>().AddScoped<RecordControlProgress>()
            .AddScoped<CloseRisk>().AddScoped<ReopenRisk>();
}
