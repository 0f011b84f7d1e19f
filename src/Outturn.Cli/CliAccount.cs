using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Cli;

/// <summary>
/// The account a command acts as, for the audit trail: <c>--as &lt;email&gt;</c> on any command, or the configured
/// default <c>Outturn:Cli:Account</c> (env <c>Outturn__Cli__Account</c>). Never the operating-system user, which on a
/// server is usually a shared service account. The account must exist and not be disabled. With neither given,
/// changes are recorded as <see cref="Unnamed"/>, unless <c>Outturn:Cli:RequireAccount</c> is true, when a command
/// that would change an audited figure is refused instead.
/// </summary>
public sealed class CliAccount(IConfiguration configuration)
{
    public const string Unnamed = "command line (no account named)";
    public const string OptionName = "--as";
    public const int Refused = 4;

    /// <summary>The e-mail given with --as for this run, if any.</summary>
    public string? Given { get; set; }

    public string? Email => !string.IsNullOrWhiteSpace(Given) ? Given.Trim()
        : configuration["Outturn:Cli:Account"] is { Length: > 0 } configured ? configured.Trim() : null;

    public bool Required => configuration.GetValue("Outturn:Cli:RequireAccount", false);

    /// <summary>The name for the audit trail and for records such as "disabled by".</summary>
    public string Name => Email ?? (Required ? throw new AccountRequiredException() : Unnamed);

    /// <summary>Adds <c>--as</c> to every command that runs something and does not take it already.</summary>
    public static void AddOptionTo(Command command)
    {
        foreach (var sub in command.Subcommands) AddOptionTo(sub);
        if (command.Action is null || command.Options.Any(o => o.Name == OptionName || o.Aliases.Contains(OptionName))) return;
        command.Options.Add(new Option<string?>(OptionName)
        {
            Description = "The e-mail address of the account you are acting as: the audit trail records your changes against it (default: Outturn:Cli:Account).",
        });
    }

    /// <summary>Refuses an account that does not exist or is disabled, before anything is changed in its name.</summary>
    public async Task<string?> RefusalAsync(IServiceProvider services, CancellationToken ct)
    {
        if (Email is not { } email) return null;
        await using var scope = await services.OpenAsync(ct);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>().FindByEmailAsync(email);
        if (user is null) return $"No account has the e-mail address {email} (named with {OptionName} or Outturn:Cli:Account).";
        if (user.IsDisabled) return $"The account {email} is disabled: changes cannot be made in its name.";
        return null;
    }
}

/// <summary>The command line's "who" for the audit interceptor.</summary>
public sealed class CliCurrentUser(CliAccount account) : ICurrentUser
{
    public string Name => account.Name;
}

/// <summary>A change to audited data with no account named while Outturn:Cli:RequireAccount is set.</summary>
public sealed class AccountRequiredException() : InvalidOperationException(
    $"Name the account you are acting as with {CliAccount.OptionName} <email> (or set Outturn:Cli:Account): this installation records every change against a named account. Nothing was changed.");
