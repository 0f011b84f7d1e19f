using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Cli;

public static class UserCommands
{
    public static Command Users(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address.", Required = true };
        var password = new Option<string?>("--password") { Description = "The new password (read from standard input when omitted)." };
        var setPassword = new Command("set-password", "Set an account's password (for example, to replace a demo password).") { email, password };
        setPassword.SetAction(async (parse, ct) =>
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync(ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
            var user = await users.FindByEmailAsync(parse.GetValue(email)!);
            if (user is null) { await Console.Error.WriteLineAsync($"No account has the e-mail address {parse.GetValue(email)}."); return 3; }
            var newPassword = parse.GetValue(password) ?? Console.ReadLine() ?? "";
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e.Description);
                return 1;
            }
            Console.WriteLine($"Password of {user.Email} changed.");
            return 0;
        });
        var remove = new Command("remove", "Remove an account.") { email };
        remove.SetAction(async (parse, ct) =>
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
            var user = await users.FindByEmailAsync(parse.GetValue(email)!);
            if (user is null) { await Console.Error.WriteLineAsync($"No account has the e-mail address {parse.GetValue(email)}."); return 3; }
            await users.DeleteAsync(user);
            Console.WriteLine($"Account {user.Email} removed.");
            return 0;
        });
        return new Command("users", "Accounts.") { setPassword, remove };
    }
}
