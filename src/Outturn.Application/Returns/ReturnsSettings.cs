using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;

namespace Outturn.Application.Returns;

/// <summary>
/// Settings of the returns feature (configuration section <c>Outturn:Returns</c>): the child population for rates,
/// whether uploaded files are kept and for how long, and the key behind children's pseudonyms.
/// </summary>
public sealed class ReturnsSettings(IConfiguration configuration, DataSettings data, SharedSecrets? shared = null)
{
    /// <summary>Children aged 0–17 in the area (<c>Outturn:Returns:ChildPopulation</c>), for referrals per 10,000.</summary>
    public int? ChildPopulation =>
        int.TryParse(configuration["Outturn:Returns:ChildPopulation"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>Keep uploaded files after processing (<c>Outturn:Returns:RetainUploads</c>, default false).</summary>
    public bool RetainUploads => configuration.GetValue("Outturn:Returns:RetainUploads", false);

    /// <summary>Days a kept upload is held before it is deleted (<c>Outturn:Returns:RetentionDays</c>, default 30).</summary>
    public int RetentionDays => configuration.GetValue("Outturn:Returns:RetentionDays", 30);

    public string UploadsFolder => Path.Combine(data.DataDirectory, "returns-uploads");

    private byte[]? _key;

    /// <summary>
    /// The pseudonym key: <c>Outturn:Returns:PseudonymKey</c> (base64) or, when unset, a random key made once and held
    /// in the database, encrypted with data protection, so that every instance gives a child the same pseudonym
    /// (docs/operations.md, Pseudonym key, says how to rotate it). A key an earlier version kept in the data folder
    /// (returns-pseudonym.key) becomes the held key, so pseudonyms already seen stay the same.
    /// </summary>
    public byte[] PseudonymKey
    {
        get
        {
            if (_key is not null) return _key;
            if (configuration["Outturn:Returns:PseudonymKey"] is { Length: > 0 } configured) return _key = Convert.FromBase64String(configured);
            var file = Path.Combine(data.DataDirectory, "returns-pseudonym.key");
            byte[]? FromFile() => File.Exists(file) ? Convert.FromBase64String(File.ReadAllText(file).Trim()) : null;
            if (shared is not null)
                return _key = shared.GetOrCreateAsync(SharedSecrets.PseudonymKey, FromFile).GetAwaiter().GetResult();
            if (!File.Exists(file))
            {
                Directory.CreateDirectory(data.DataDirectory);
                File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            return _key = FromFile()!;
        }
    }

    /// <summary>A child's pseudonym: the first 10 hex digits of HMAC-SHA256(key, the authority's child id), e.g. C-3F9A02B7C1.</summary>
    public string Pseudonym(string childId) => Pseudonymise(PseudonymKey, childId);

    public static string Pseudonymise(byte[] key, string childId) =>
        "C-" + Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(childId)))[..10];
}

public static class ReturnsRegistration
{
    public static IServiceCollection AddReturns(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(sp => new ReturnsSettings(configuration, sp.GetRequiredService<DataSettings>(), sp.GetRequiredService<SharedSecrets>()))
            .AddScoped<ReturnsImport>()
            .AddScoped<ReturnsQuery>()
            .AddScoped<ReturnsFill>()
            .AddScoped<DemoReturns>()
            .AddScoped<ReturnsReport>()
            .AddScoped<ReturnsUpload>()
            .AddScoped<AnnexAImport>();
}
