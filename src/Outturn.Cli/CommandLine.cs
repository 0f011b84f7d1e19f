using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Periods;

namespace Outturn.Cli;

/// <summary>
/// What every command shares: a scope on a migrated database, the options most commands take, and one exit code for
/// arguments that cannot be read. Exit codes: 0 done, 1 input rejected, 2 arguments that cannot be read,
/// 3 a plan, indicator, area or account that is not held.
/// </summary>
public static class CommandLine
{
    public const int BadArguments = 2;
    public const int NotHeld = 3;

    /// <summary>A scope whose database is migrated first: commands may be the first thing run against a new data folder.</summary>
    public static async Task<AsyncServiceScope> OpenAsync(this IServiceProvider services, CancellationToken ct)
    {
        var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync(ct);
        return scope;
    }

    /// <summary>A period option read by <see cref="Period.TryParse"/>, refused with <see cref="Period.NotAPeriod"/>'s message.</summary>
    public static Option<Period?> PeriodOption(string description, bool required = true, string name = "--period") => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
            if (Period.TryParse(text, out var period)) return period;
            result.AddError($"{name} {Period.NotAPeriod(text)}");
            return null;
        },
    };

    /// <summary>
    /// Runs the command line: arguments that cannot be read are listed on standard error with exit code 2, the same
    /// code for a bad period as for a missing option.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync(error.Message);
            return BadArguments;
        }
        return await parsed.InvokeAsync();
    }
}
