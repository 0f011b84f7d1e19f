using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;

namespace Outturn.Application.Notifications;

public sealed record EmailMessage(string To, string ToName, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>
/// SMTP, the default. With no host configured, messages are written as .eml files to a pickup folder
/// (<c>data/mail</c>) so that development and tests send nothing anywhere.
/// </summary>
public sealed class SmtpEmailSender(string? host, int port, string? user, string? password, string from, string pickupDirectory) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mail = new MailMessage(new MailAddress(from, "Outturn"), new MailAddress(message.To, message.ToName))
        {
            Subject = message.Subject,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(host))
        {
            Directory.CreateDirectory(pickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = pickupDirectory;
        }
        else
        {
            client.Host = host;
            client.Port = port;
            client.EnableSsl = port != 25;
            if (user is not null) client.Credentials = new NetworkCredential(user, password);
        }
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>
/// GOV.UK Notify's e-mail API: a template with ((subject)) and ((body)) personalisation, authenticated by a JWT signed
/// with the service's secret (HS256), as Notify's API documentation describes.
/// </summary>
public sealed class NotifyEmailSender(HttpClient http, string apiKey, string templateId, TimeProvider clock) : IEmailSender
{
    public const string Endpoint = "https://api.notifications.service.gov.uk/v2/notifications/email";

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = JsonContent.Create(new
            {
                email_address = message.To,
                template_id = templateId,
                personalisation = new { subject = message.Subject, body = message.Body },
            }),
        };
        request.Headers.Authorization = new("Bearer", Token(apiKey, clock.GetUtcNow()));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GOV.UK Notify refused the e-mail to {message.To}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>An API key is "name-serviceId-secret", the last two being UUIDs; the JWT's issuer is the service id.</summary>
    public static string Token(string apiKey, DateTimeOffset now)
    {
        if (apiKey.Length < 74) throw new InvalidOperationException("A GOV.UK Notify API key ends with the service id and the secret key, two UUIDs.");
        var serviceId = apiKey[^73..^37];
        var secret = apiKey[^36..];
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "HS256" }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new { iss = serviceId, iat = now.ToUnixTimeSeconds() }));
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }
}

public static class EmailRegistration
{
    /// <summary><c>Outturn:Email:Provider</c> is <c>smtp</c> (default) or <c>notify</c>.</summary>
    public static IServiceCollection AddOutturnEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Outturn:Email");
        if (string.Equals(section["Provider"], "notify", StringComparison.OrdinalIgnoreCase))
        {
            var key = section["Notify:ApiKey"] ?? throw new InvalidOperationException("Outturn:Email:Notify:ApiKey is required for the notify provider.");
            var template = section["Notify:TemplateId"] ?? throw new InvalidOperationException("Outturn:Email:Notify:TemplateId is required for the notify provider.");
            services.AddHttpClient<NotifyEmailSender>();
            services.AddScoped<IEmailSender>(sp => new NotifyEmailSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(NotifyEmailSender)), key, template, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddScoped<IEmailSender>(sp => new SmtpEmailSender(
                section["Smtp:Host"], section.GetValue("Smtp:Port", 587), section["Smtp:User"], section["Smtp:Password"],
                section["From"] ?? "outturn@localhost",
                section["Smtp:PickupDirectory"] ?? Path.Combine(sp.GetRequiredService<DataSettings>().DataDirectory, "mail")));
        }
        return services;
    }
}
