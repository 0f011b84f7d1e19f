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

    /// <summary>The file in the data folder holding children aged 0–17 by collection year (the demo writes Halton's).</summary>
    public string PopulationFile => Path.Combine(data.DataDirectory, "returns-population.json");

    /// <summary>
    /// Children aged 0–17 by collection year (2015 for 2015/16, the mid-2015 estimate):
    /// <c>Outturn:Returns:ChildPopulationByYear:2015</c> and so on; else, unless <c>ChildPopulation</c> is set, the data
    /// folder's returns-population.json (<c>{"2015": 28000}</c>). A year with no figure falls back to <c>ChildPopulation</c>.
    /// </summary>
    public IReadOnlyDictionary<int, int>? ChildPopulationByYear
    {
        get
        {
            var configured = configuration.GetSection("Outturn:Returns:ChildPopulationByYear").GetChildren()
                .Where(c => int.TryParse(c.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && int.TryParse(c.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                .ToDictionary(c => int.Parse(c.Key, CultureInfo.InvariantCulture), c => int.Parse(c.Value!, CultureInfo.InvariantCulture));
            if (configured.Count > 0) return configured;
            if (ChildPopulation is not null || !File.Exists(PopulationFile)) return null;
            var file = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(PopulationFile)) ?? [];
            return file.Where(kv => int.TryParse(kv.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                .ToDictionary(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture), kv => kv.Value);
        }
    }

    /// <summary>Keep uploaded files after processing (<c>Outturn:Returns:RetainUploads</c>, default false).</summary>
    public bool RetainUploads => configuration.GetValue("Outturn:Returns:RetainUploads", false);

    /// <summary>Days a kept upload is held before it is deleted (<c>Outturn:Returns:RetentionDays</c>, default 30).</summary>
    public int RetentionDays => configuration.GetValue("Outturn:Returns:RetentionDays", 30);

    public string DataDirectory => data.DataDirectory;

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
                PrivateFiles.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & ~PrivateFiles.OwnerOnlyFile) != 0)
                File.SetUnixFileMode(file, PrivateFiles.OwnerOnlyFile); // a key written by an earlier version, readable by all
            return _key = Convert.FromBase64String(File.ReadAllText(file).Trim());
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
            .AddScoped<AnnexAImport>()
            .AddScoped<ChildLevelAccess>();
}
