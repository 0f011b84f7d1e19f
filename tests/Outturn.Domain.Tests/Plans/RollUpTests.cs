using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Plans;

public class RollUpTests
{
    private static Indicator Monthly(Aggregation? aggregation, decimal? multiplier = null, ValueType type = ValueType.Snapshot, params (int Month, decimal Value, decimal? N, decimal? D)[] values)
    {
        var i = new Indicator
        {
            Ref = "M", Title = "M", Polarity = Polarity.Higher, Frequency = Frequency.Monthly, ValueType = type,
            Aggregation = aggregation, Multiplier = multiplier,
        };
        foreach (var (month, value, n, d) in values)
            i.Values.Add(new IndicatorValue { Period = Period.Month(month >= 4 ? 2015 : 2016, month), Value = value, Numerator = n, Denominator = d, Status = ValueStatus.Final });
        return i;
    }

    private static readonly Period Q2 = Period.Quarter(2015, 2); // July to September 2015

    [Fact]
    public void Counts_are_summed_to_the_quarter()
    {
        var i = Monthly(Aggregation.Sum, values: [(7, 12m, null, null), (8, 9m, null, null), (9, 15m, null, null), (6, 100m, null, null)]);
        var q = RollUps.ForPeriod(i, Q2)!;
        Assert.Equal(36m, q.Value); // 12 + 9 + 15; June is another quarter
        Assert.Equal(ValueStatus.Final, q.Status);
        Assert.Null(q.Note);
    }

    [Fact]
    public void A_snapshot_takes_the_last_month()
    {
        var i = Monthly(Aggregation.Last, values: [(7, 40m, null, null), (9, 44m, null, null), (8, 42m, null, null)]);
        Assert.Equal(44m, RollUps.ForPeriod(i, Q2)!.Value);
    }

    [Fact]
    public void A_rolling_figure_takes_the_mean()
    {
        var i = Monthly(Aggregation.Mean, values: [(7, 10m, null, null), (8, 11m, null, null), (9, 15m, null, null)]);
        Assert.Equal(12m, RollUps.ForPeriod(i, Q2)!.Value); // (10 + 11 + 15) ÷ 3
    }

    [Fact]
    public void A_ratio_is_recomputed_from_the_summed_counts_not_the_mean_of_percentages()
    {
        // 9/10 (90%), 1/10 (10%), 30/80 (37.5%): the mean of percentages is 45.83%, the quarter is 40/100 = 40%.
        var i = Monthly(null, 100m, values: [(7, 90m, 9m, 10m), (8, 10m, 1m, 10m), (9, 37.5m, 30m, 80m)]);
        var q = RollUps.ForPeriod(i, Q2)!;
        Assert.Equal(40m, q.Value);
        Assert.Equal(40m, q.Numerator);
        Assert.Equal(100m, q.Denominator);
    }

    [Fact]
    public void The_year_to_date_runs_from_April()
    {
        var i = Monthly(Aggregation.Sum, values: [(4, 1m, null, null), (5, 2m, null, null), (6, 3m, null, null), (7, 4m, null, null), (8, 5m, null, null), (9, 6m, null, null), (10, 100m, null, null)]);
        Assert.Equal(21m, RollUps.YearToDate(i, Q2)!.Value); // April to September; October is later
    }

    [Fact]
    public void A_part_missing_makes_a_provisional_roll_up_saying_how_many_parts()
    {
        var i = Monthly(Aggregation.Sum, values: [(7, 12m, null, null), (8, 9m, null, null)]);
        var q = RollUps.ForPeriod(i, Q2)!;
        Assert.Equal(21m, q.Value);
        Assert.Equal(ValueStatus.Provisional, q.Status);
        Assert.Equal("(2 of 3 months)", q.Note);
    }

    [Fact]
    public void Quarters_roll_up_to_the_year()
    {
        var i = new Indicator { Ref = "Q", Title = "Q", Aggregation = Aggregation.Sum };
        for (var q = 1; q <= 4; q++) i.Values.Add(new IndicatorValue { Period = Period.Quarter(2015, q), Value = q * 10m, Status = ValueStatus.Final });
        Assert.Equal(100m, RollUps.ForPeriod(i, Period.FinancialYear(2015))!.Value);
    }

    [Fact]
    public void A_quarter_held_is_used_as_held_and_one_not_held_is_rolled_up_for_the_report()
    {
        var i = Monthly(Aggregation.Sum, values: [(7, 12m, null, null), (8, 9m, null, null), (9, 15m, null, null)]);
        Assert.Equal(36m, MeasureAssessment.For(i, Q2).Current!.Value);
        i.Values.Add(new IndicatorValue { Period = Q2, Value = 35m, Status = ValueStatus.Final });
        Assert.Equal(35m, MeasureAssessment.For(i, Q2).Current!.Value);
    }
}
