using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outturn.Application.Notifications;

namespace Outturn.Application.Tests.Notifications;

/// <summary>
/// GOV.UK Notify cannot be reached from here; these check the request Notify's client sends for Outturn, over the
/// HttpClient Outturn gives it, against Notify's documented API.
/// </summary>
public sealed class NotifyEmailSenderTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    private const string ApiKey = "outturn_test-" + ServiceId + "-" + Secret;

    private sealed class Capture : HttpMessageHandler
    {
        public HttpRequestMessage? Request;
        public string? Body;
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(ct);
            // Notify's answer to a sent e-mail, as its API documentation gives it.
            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""
                    {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":null,
                     "content":{"subject":"Reminder","body":"Your updates are due.","from_email":"outturn@notifications.service.gov.uk"},
                     "uri":"https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
                     "template":{"id":"f33517ff-2a88-4f6e-b855-c550268ce08a","version":1,"uri":"https://api.notifications.service.gov.uk/v2/template/f33517ff-2a88-4f6e-b855-c550268ce08a"}}
                    """, Encoding.UTF8, "application/json"),
            };
        }
    }

    [Fact]
    public async Task An_email_is_posted_to_notify_with_the_template_personalisation_and_a_signed_token()
    {
        var capture = new Capture();
        var sender = new NotifyEmailSender(new HttpClient(capture), ApiKey, "f33517ff-2a88-4f6e-b855-c550268ce08a");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await sender.SendAsync(new EmailMessage("tc@example.org", "Tracey Coffey", "Reminder", "Your updates are due."));

        Assert.Equal("https://api.notifications.service.gov.uk/v2/notifications/email", capture.Request!.RequestUri!.ToString());
        var body = JsonDocument.Parse(capture.Body!).RootElement;
        Assert.Equal("tc@example.org", body.GetProperty("email_address").GetString());
        Assert.Equal("f33517ff-2a88-4f6e-b855-c550268ce08a", body.GetProperty("template_id").GetString());
        Assert.Equal("Reminder", body.GetProperty("personalisation").GetProperty("subject").GetString());
        Assert.Equal("Your updates are due.", body.GetProperty("personalisation").GetProperty("body").GetString());

        var jwt = capture.Request.Headers.Authorization!.Parameter!.Split('.');
        static byte[] Decode(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
        var payload = JsonDocument.Parse(Decode(jwt[1])).RootElement;
        Assert.Equal(ServiceId, payload.GetProperty("iss").GetString());
        // Issued now, in seconds since 1970, whether the client writes it as a number (with or without a fraction) or as text.
        var iat = payload.GetProperty("iat");
        var issued = (long)(iat.ValueKind == JsonValueKind.String ? double.Parse(iat.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : iat.GetDouble());
        Assert.InRange(issued, before - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("HS256", JsonDocument.Parse(Decode(jwt[0])).RootElement.GetProperty("alg").GetString());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(jwt[0] + "." + jwt[1]));
        Assert.Equal(expected, Decode(jwt[2]));
    }

    [Fact]
    public async Task A_refusal_from_notify_is_reported_not_swallowed()
    {
        var sender = new NotifyEmailSender(new HttpClient(new Refuse()), ApiKey, "t");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new EmailMessage("a@b.c", "A", "S", "B")));
        Assert.Contains("400", error.Message);
    }

    private sealed class Refuse : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"errors\":[{\"error\":\"BadRequestError\"}]}") });
    }
}
