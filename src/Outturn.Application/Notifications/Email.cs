using System.Net;
using System.Net.Mail;
using System.Text;
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
/// GOV.UK Notify's e-mail API through Notify's own .NET client (the GovukNotify package, which signs each request with
/// the service's key): a template whose subject is ((subject)) and whose body is ((body)).
/// </summary>
public sealed class NotifyEmailSender(HttpClient http, string apiKey, string templateId) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var client = new Notify.Client.NotificationClient(new Notify.Client.HttpClientWrapper(http), apiKey);
        var personalisation = new Dictionary<string, dynamic> { ["subject"] = message.Subject, ["body"] = message.Body };
        try
        {
            await client.SendEmailAsync(message.To, templateId, personalisation, null, null);
        }
        catch (Notify.Exceptions.NotifyClientException e)
        {
            throw new InvalidOperationException($"GOV.UK Notify refused the e-mail to {message.To}: {e.Message}", e);
        }
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
            services.AddScoped<IEmailSender>(sp => new NotifyEmailSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(NotifyEmailSender)), key, template));
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
