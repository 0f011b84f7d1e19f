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
            await using var scope = await services.OpenAsync(ct);
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
        var name = new Option<string>("--name") { Description = "The person's full name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The reference of the person's organisation (see `outturn organisations import`)." };
        var invite = new Command("invite", "Create an account and e-mail the person a link to set their password (valid for 7 days).") { email, name, role, organisation };
        invite.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var config = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
            var result = await scope.ServiceProvider.GetRequiredService<AccountInvitations>().InviteAsync(
                parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(organisation),
                scope.ServiceProvider.GetRequiredService<CliAccount>().Email ?? "command line", config["Outturn:PublicUrl"] ?? "http://localhost:5000", ct);
            return await Report(result);
        });
        var list = new Command("list", "List accounts: e-mail, name, role, organisation, state and last sign-in.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var now = DateTimeOffset.UtcNow;
            var gb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            Console.WriteLine("email\tname\trole\torganisation\tstate\tlast_sign_in");
            foreach (var a in await scope.ServiceProvider.GetRequiredService<AccountInvitations>().ListAsync(ct))
                Console.WriteLine(string.Join('\t', a.Email, a.Name, a.Role ?? "", a.OrganisationRef ?? "", a.State(now),
                    a.LastSignInAt?.ToString("yyyy-MM-dd HH:mm", gb) ?? "never"));
            return 0;
        });
        var disable = new Command("disable", "Disable an account: sign-in refused, sessions ended, tokens revoked; its history is kept.") { email };
        disable.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            return await Report(await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(parse.GetValue(email)!, scope.ServiceProvider.GetRequiredService<CliAccount>().Email ?? "command line", ct));
        });
        return new Command("users", "Accounts.") { invite, list, disable, setPassword, remove };
    }

    public static Command Organisations(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file with the columns ref,name,kind,parent." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var import = new Command("import", "Merge organisations by reference: new ones are added, known ones changed; any error and nothing changes.") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { await Console.Error.WriteLineAsync($"{path.Name}: no such file."); return 2; }
            await using var scope = await services.OpenAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<Outturn.Application.Organisations.OrganisationService>().ImportAsync(path.FullName, ct);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                await Console.Error.WriteLineAsync("Nothing was changed.");
                return 1;
            }
            Console.WriteLine($"{path.Name}: {result.Added} organisations added, {result.Changed} changed.");
            return 0;
        });
        return new Command("organisations", "The partnership's organisations.") { import };
    }

    private static async Task<int> Report(AccountResult result)
    {
        foreach (var m in result.Messages)
            if (result.Succeeded) Console.WriteLine(m);
            else await Console.Error.WriteLineAsync(m);
        return result.Succeeded ? 0 : 1;
    }
}
