using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Outturn.Application.Data;

public static class OutturnDataProtection
{
    /// <summary>
    /// Data-protection keys (behind sign-in cookies, anti-forgery tokens, password-reset links and the shared
    /// secrets) live in the database, so that every instance reads the same ring and a cookie from one is good at
    /// another. With <c>Outturn:DataProtection:Certificate:Path</c> (a PKCS#12 file, and its <c>Password</c>) the
    /// keys are encrypted with that certificate at rest; without it they are stored as data protection writes them,
    /// protected only by the database's own access control.
    /// </summary>
    public static IServiceCollection AddOutturnDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .PersistKeysToDbContext<OutturnDbContext>()
            .SetApplicationName("Outturn");
        if (configuration["Outturn:DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"Outturn:DataProtection:Certificate:Path is {path}, which does not exist.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Outturn:DataProtection:Certificate:Password"]);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"The data-protection certificate {path} holds no private key; a PKCS#12 (.pfx) file with its key is needed.");
            // Decrypting needs the certificate too, and on Linux there is no machine store to find it in.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }
}
