using Outturn.Application.Returns;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;

namespace Outturn.Application.Tests.Returns;

public sealed class SyntheticTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-synth-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public void The_same_seed_writes_the_same_files()
    {
        var a = Synthetic.WriteSsda903(new SynthOptions(50, 2, 7), Path.Combine(_folder, "a"));
        var b = Synthetic.WriteSsda903(new SynthOptions(50, 2, 7), Path.Combine(_folder, "b"));
        foreach (var (x, y) in a.Zip(b))
            foreach (var file in Directory.GetFiles(x))
                Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(y, Path.GetFileName(file))));
    }

    [Fact]
    public void The_demo_set_reads_cleanly_and_is_halton_sized()
    {
        var lac = Synthetic.WriteSsda903(DemoReturns.LookedAfter, Path.Combine(_folder, "lac"))
            .Select(d => ReturnFiles.Read(ReturnKind.Ssda903, d)).ToList();
        var cin = ReturnFiles.Read(ReturnKind.Cin, Synthetic.WriteCin(DemoReturns.InNeed, Path.Combine(_folder, "cin"))[1]);
        Assert.All(lac, r => Assert.Empty(r.Errors));
        Assert.Empty(cin.Errors);
        var data = new ReturnsData(lac.Select(r => LookedAfterReturn.From(r.Batches[0].Year!.Value, r.Batches[0].Rows)),
            [cin.Batches[0].Census!]);
        var year = new ReportingWindow(new DateOnly(2015, 4, 1), new DateOnly(2016, 3, 31));
        // Halton: about 150 children looked after at 31 March and 1,700 referrals a year.
        Assert.InRange(new PlacementStability().Compute(data, year).Denominator, 110, 200);
        Assert.InRange(new ReReferralsWithin12Months().Compute(data, year).Denominator, 1300, 2000);
        Assert.All(IndicatorCatalogue.All.Where(i => i is not ReferralRate), i => Assert.True(i.Compute(data, year).Denominator > 0, i.Code));
    }
}
