using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Outturn.Application.Notifications;

namespace Outturn.Application.Tests.Notifications;

/// <summary>GOV.UK Notify cannot be reached from here; these check the request Outturn sends against Notify's documented API.</summary>
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
            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task An_email_is_posted_to_notify_with_the_template_personalisation_and_a_signed_token()
    {
        var capture = new Capture();
        var now = new DateTimeOffset(2016, 1, 4, 18, 30, 0, TimeSpan.Zero);
        var sender = new NotifyEmailSender(new HttpClient(capture), ApiKey, "f33517ff-2a88-4f6e-b855-c550268ce08a", new FakeTimeProvider(now));

        await sender.SendAsync(new EmailMessage("tc@example.org", "Tracey Coffey", "Reminder", "Your updates are due."));

        Assert.Equal("https://api.notifications.service.gov.uk/v2/notifications/email", capture.Request!.RequestUri!.ToString());
        var body = JsonDocument.Parse(capture.Body!).RootElement;
        Assert.Equal("tc@example.org", body.GetProperty("email_address").GetString());
        Assert.Equal("f33517ff-2a88-4f6e-b855-c550268ce08a", body.GetProperty("template_id").GetString());
        Assert.Equal("Reminder", body.GetProperty("personalisation").GetProperty("subject").GetString());

        var jwt = capture.Request.Headers.Authorization!.Parameter!.Split('.');
        static byte[] Decode(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
        var payload = JsonDocument.Parse(Decode(jwt[1])).RootElement;
        Assert.Equal(ServiceId, payload.GetProperty("iss").GetString());
        Assert.Equal(1451932200, payload.GetProperty("iat").GetInt64()); // 2016-01-04T18:30:00Z
        Assert.Equal("HS256", JsonDocument.Parse(Decode(jwt[0])).RootElement.GetProperty("alg").GetString());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(jwt[0] + "." + jwt[1]));
        Assert.Equal(expected, Decode(jwt[2]));
    }

    [Fact]
    public async Task A_refusal_from_notify_is_reported_not_swallowed()
    {
        var sender = new NotifyEmailSender(new HttpClient(new Refuse()), ApiKey, "t", TimeProvider.System);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new EmailMessage("a@b.c", "A", "S", "B")));
        Assert.Contains("400", error.Message);
    }

    private sealed class Refuse : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"errors\":[{\"error\":\"BadRequestError\"}]}") });
    }
}
