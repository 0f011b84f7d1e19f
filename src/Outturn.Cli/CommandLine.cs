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
/// 3 a plan, indicator, area or account that is not held, 4 refused (an unknown or disabled account, a missing permission, or no
/// account named where one is required), 70 a fault the command did not foresee (one line, no stack trace).
/// </summary>
public static class CommandLine
{
    public const int BadArguments = 2;
    public const int NotHeld = 3;
    /// <summary>A fault the command did not foresee (reported in one line, without a stack trace).</summary>
    public const int Unexpected = 70;

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
    public static async Task<int> RunAsync(RootCommand root, string[] args, IServiceProvider? services = null)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync(error.Message);
            return BadArguments;
        }
        if (services?.GetService<CliAccount>() is { } account)
        {
            // The account named for this run: checked before the command changes anything in its name.
            if (parsed.CommandResult.Command.Options.Any(o => o.Name == CliAccount.OptionName)) account.Given = parsed.GetValue<string?>(CliAccount.OptionName);
            if (await account.RefusalAsync(services, CancellationToken.None) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return CliAccount.Refused;
            }
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (AccountRequiredException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return CliAccount.Refused;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Every command answers bad input itself, in words; this is the last line of defence for anything it did
            // not foresee, so that nobody is shown a stack trace. The tests hold each importer to its own message.
            await Console.Error.WriteLineAsync($"The command stopped unexpectedly and changed nothing it had not finished: {e.Message}");
            await Console.Error.WriteLineAsync("This is a fault in Outturn: please report it with the command you ran.");
            return Unexpected;
        }
    }
}
