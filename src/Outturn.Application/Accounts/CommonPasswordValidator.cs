using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace Outturn.Application.Accounts;

/// <summary>
/// Refuses the 100,000 most common passwords (NCSC password guidance: block the most common rather than demand a
/// mix of character classes). The list is embedded; see common-passwords.NOTICE.md for where it comes from.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<OutturnUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<OutturnUser> manager, OutturnUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var candidate = password.Trim();
        if (IsCommon(candidate))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is one of the 100,000 most common passwords, so it is easy to guess. Choose another: three random words together make a good one.",
            }));
        if (user.Email is { Length: > 0 } email && candidate.Contains(email, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your email address." }));
        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Outturn.Application.Accounts.common-passwords.txt.gz")
                           ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
