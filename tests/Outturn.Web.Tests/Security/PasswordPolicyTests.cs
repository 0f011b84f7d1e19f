using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;

namespace Outturn.Web.Tests.Security;

/// <summary>NCSC guidance: length over composition, and none of the most common passwords.</summary>
public sealed class PasswordPolicyTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private async Task<IdentityResult> ValidateAsync(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
        var someone = new OutturnUser { DisplayName = "Someone", Email = "someone@outturn.example", UserName = "someone@outturn.example" };
        var errors = new List<IdentityError>();
        foreach (var v in users.PasswordValidators) errors.AddRange((await v.ValidateAsync(users, someone, password)).Errors);
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    [Theory]
    [InlineData("correct horse battery staple")] // all lower case, no digit: fine, it is long
    [InlineData("tangerine kettle ombudsman")]
    public async Task A_long_password_needs_no_mix_of_characters(string password) => Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task A_short_password_is_refused() =>
        Assert.Contains((await ValidateAsync("Tr0ub4dor&3")).Errors, e => e.Code == "PasswordTooShort"); // 11 characters

    [Theory]
    [InlineData("password1234")] // long enough, but in the published list of common passwords
    [InlineData("PASSWORD1234")] // and so is its upper-case form
    [InlineData("qwertyuiopasdfghjkl")]
    public async Task A_common_password_is_refused(string password) =>
        Assert.Contains((await ValidateAsync(password)).Errors, e => e.Code == "CommonPassword");
}
