using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Cli;

/// <summary>Personal access tokens for systems that push figures through the API, as the administrators' page issues them.</summary>
public static class TokenCommands
{
    public static Command Tokens(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "A label for the token, such as the system that uses it.", Required = true };
        var issue = new Command("issue", "Issue a new token for an account and print it (it is shown only once).") { email, name };
        issue.SetAction(async (parse, ct) =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            await db.Database.MigrateAsync(ct);
            var address = parse.GetValue(email)!;
            var label = parse.GetValue(name)!.Trim();
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == address.ToUpperInvariant(), ct);
            if (user is null) { await Console.Error.WriteLineAsync($"No account has the e-mail address {address}."); return 3; }
            if (label.Length == 0) { await Console.Error.WriteLineAsync("Give the token a name."); return 2; }
            var secret = ApiToken.NewSecret();
            db.Add(new ApiToken
            {
                UserId = user.Id, Name = label, Hash = ApiToken.HashOf(secret), Prefix = secret[..10],
                CreatedAt = TimeProvider.System.GetUtcNow(), CreatedBy = scope.ServiceProvider.GetRequiredService<CliAccount>().Email ?? "command line",
            });
            await db.SaveChangesAsync(ct);
            Console.WriteLine(secret);
            return 0;
        });
        var revoke = new Command("revoke", "Revoke an account's tokens of that name.") { name, email };
        revoke.SetAction(async (parse, ct) =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            await db.Database.MigrateAsync(ct);
            var address = parse.GetValue(email)!;
            var label = parse.GetValue(name)!.Trim();
            var tokens = await db.Set<ApiToken>().Include(t => t.User)
                .Where(t => t.User!.NormalizedEmail == address.ToUpperInvariant() && t.Name == label && t.RevokedAt == null).ToListAsync(ct);
            if (tokens.Count == 0) { await Console.Error.WriteLineAsync($"{address} has no live token named \"{label}\"."); return 3; }
            foreach (var t in tokens) t.RevokedAt = TimeProvider.System.GetUtcNow();
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Revoked {tokens.Count} token{(tokens.Count == 1 ? "" : "s")} named \"{label}\" of {address}.");
            return 0;
        });
        return new Command("tokens", "Personal access tokens for the API.") { issue, revoke };
    }
}
