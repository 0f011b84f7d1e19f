using System.CommandLine;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;

namespace Outturn.Cli;

/// <summary>`outturn synth ssda903|cin …`: synthetic statutory returns for tests, demos and benchmarks.</summary>
public static class SynthCommands
{
    public static Command Synth()
    {
        var command = new Command("synth", "Write synthetic statutory returns (no real child's data) for tests, demos and benchmarks.");
        command.Subcommands.Add(Make("ssda903", "SSDA903 CSV tables, one folder per collection year (2014-15/, 2015-16/).", Synthetic.WriteSsda903));
        command.Subcommands.Add(Make("cin", "CIN census XML, one file per collection year (cin-2015-16.xml).", Synthetic.WriteCin));
        return command;
    }

    private static Command Make(string name, string description, Func<SynthOptions, string, IReadOnlyList<string>> write)
    {
        var children = new Option<int>("--children") { Description = "How many children.", Required = true };
        var years = new Option<int>("--years") { Description = "How many collection years, ending with --to.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var outFolder = new Option<string>("--out") { Description = "The folder to write to.", Required = true };
        var to = CommandLine.PeriodOption("The last collection year, e.g. 2015/16.", required: false, name: "--to");
        var errors = new Option<double>("--errors") { Description = "Share of children given a deliberate data error (0 to 1), to exercise validation.", DefaultValueFactory = _ => 0 };
        var command = new Command(name, description) { children, years, seed, outFolder, to, errors };
        command.SetAction(async (parse, ct) =>
        {
            var last = parse.GetValue(to) ?? Period.FinancialYear(2015);
            if (last.Kind != PeriodKind.FinancialYear)
            {
                await Console.Error.WriteLineAsync($"--to {last} is not a financial year; write it as 2015/16.");
                return CommandLine.BadArguments;
            }
            var o = new SynthOptions(parse.GetValue(children), parse.GetValue(years), parse.GetValue(seed), last.Year) { Errors = parse.GetValue(errors) };
            if (o.Children < 1 || o.Years < 1 || o.FirstYear - 4 < WorkingDays.FirstYear - 4 || last.Year + 1 > WorkingDays.LastYear)
            {
                await Console.Error.WriteLineAsync($"--children and --years must be at least 1, and the years within {WorkingDays.FirstYear}/{(WorkingDays.FirstYear + 1) % 100:D2} to {WorkingDays.LastYear - 1}/{WorkingDays.LastYear % 100:D2}.");
                return 2;
            }
            foreach (var path in write(o, Path.GetFullPath(parse.GetValue(outFolder)!))) Console.WriteLine(path);
            return 0;
        });
        return command;
    }
}
