using Outturn.Domain.Benchmarks;

namespace Outturn.Domain.Tests.Benchmarks;

public class AreaCodesTests
{
    [Theory]
    [InlineData("E92000001", AreaKind.Country)]
    [InlineData("E12000002", AreaKind.Region)]    // North West
    [InlineData("E06000006", AreaKind.Authority)] // Halton
    [InlineData("E08000013", AreaKind.Authority)]
    public void The_code_decides_what_an_area_is(string code, AreaKind kind) => Assert.Equal(kind, AreaCodes.KindOf(code));

    [Theory]
    [InlineData("E06000006", true)]
    [InlineData("876", false)]
    [InlineData("e06000006", false)]
    [InlineData("E0600000", false)]
    public void Codes_are_gss_codes(string code, bool ok) => Assert.Equal(ok, AreaCodes.IsWellFormed(code));
}
