using Outturn.Domain.Risks;

namespace Outturn.Domain.Tests.Risks;

/// <summary>docs/spec.md §4 Risk scores and the service plan's band table (docs/sources.md §3).</summary>
public class RiskScoreTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 6)]
    [InlineData(4, 3, 12)]
    [InlineData(4, 4, 16)]
    public void The_score_is_likelihood_times_impact(int likelihood, int impact, int score) =>
        Assert.Equal(score, new RiskScore(likelihood, impact).Score);

    [Theory]
    [InlineData(1, RiskBand.Low)]
    [InlineData(4, RiskBand.Low)]      // top of 1–4 LOW
    [InlineData(5, RiskBand.Medium)]   // bottom of 5–10 MEDIUM (no 4 × 4 product, but the table covers it)
    [InlineData(6, RiskBand.Medium)]
    [InlineData(9, RiskBand.Medium)]
    [InlineData(10, RiskBand.Medium)]  // top of 5–10
    [InlineData(11, RiskBand.High)]    // bottom of 11–16 HIGH
    [InlineData(12, RiskBand.High)]
    [InlineData(16, RiskBand.High)]
    public void Scores_fall_in_the_bands_of_the_service_plan_table(int score, RiskBand band) =>
        Assert.Equal(band, RiskScore.BandOf(score));

    [Theory]
    [InlineData(2, 2, RiskBand.Low)]     // 4
    [InlineData(3, 3, RiskBand.Medium)]  // 9
    [InlineData(3, 4, RiskBand.High)]    // 12
    public void A_risk_is_banded_by_its_product(int likelihood, int impact, RiskBand band) =>
        Assert.Equal(band, new RiskScore(likelihood, impact).Band);

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 2)]
    [InlineData(2, 0)]
    [InlineData(2, 5)]
    public void Likelihood_and_impact_outside_1_to_4_are_refused(int likelihood, int impact) =>
        Assert.Throws<DomainException>(() => new RiskScore(likelihood, impact));

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void A_score_outside_1_to_16_has_no_band(int score) =>
        Assert.Throws<DomainException>(() => RiskScore.BandOf(score));

    [Fact]
    public void A_risk_is_overdue_for_review_only_after_its_review_date()
    {
        var risk = Risk.CreateUnquartered("R1", new RiskDetails("T", null, null, null, null, "C", "O", "D"), new DateOnly(2015, 12, 31), new RiskScore(2, 2), new RiskScore(1, 1), null);

        Assert.False(risk.IsOverdueForReview(new DateOnly(2015, 12, 31)));
        Assert.True(risk.IsOverdueForReview(new DateOnly(2016, 1, 1)));
        Assert.Equal(31, risk.DaysOverdue(new DateOnly(2016, 1, 31)));
        Assert.Equal(0, risk.DaysOverdue(new DateOnly(2015, 12, 1)));
    }

    [Fact]
    public void The_heat_map_puts_each_risk_in_its_likelihood_and_impact_cell()
    {
        var map = HeatMap.Of("Initial", [("A", new RiskScore(4, 4)), ("B", new RiskScore(4, 3)), ("C", new RiskScore(4, 3)), ("D", new RiskScore(1, 2))]);

        Assert.Equal(4, map.Rows.Count);
        Assert.Equal(4, map.Rows[0][0].Likelihood); // the top row is likelihood 4
        Assert.Equal(["B", "C"], map.Cell(4, 3).RiskRefs);
        Assert.Equal(RiskBand.High, map.Cell(4, 3).Band); // 12
        Assert.Equal(RiskBand.Low, map.Cell(1, 2).Band);  // 2
        Assert.Equal(0, map.Cell(2, 2).Count);
        Assert.Equal((4, 3, 0, 1), (map.Total, map.CountIn(RiskBand.High), map.CountIn(RiskBand.Medium), map.CountIn(RiskBand.Low)));
    }
}
