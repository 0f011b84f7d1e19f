using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outturn.Application.Data;
using Outturn.Application.Notifications;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Rounds;

/// <summary>Reminders on the round's calendar, with a fake clock, and the e-mail an officer gets when an item is returned.</summary>
public abstract class ReminderTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q4 = Period.Quarter(2015, 4);
    private static readonly Actor Performance = new("performance@outturn.example", null, RunsRounds: true);
    private const string Ann = "ann.mcintyre@outturn.example";

    /// <summary>The demo, with a Quarter 4 round opening on 12 April 2016 and due on 15 April 2016.</summary>
    private async Task<int> OpenQ4Async()
    {
        await LoadDemoAsync();
        var round = await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request("HBC-CYP-2015-16", Q4, new DateOnly(2016, 4, 15), new DateOnly(2016, 4, 12)), Performance));
        return round.Id;
    }

    private static SendReminders Scheduler(IServiceProvider sp, TimeProvider clock) =>
        new(sp.GetRequiredService<OutturnDbContext>(), sp.GetRequiredService<IEmailSender>(), clock, new ReminderSettings());

    private string[] Mail() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Select(f => Readable(File.ReadAllText(f))).ToArray() : [];

    /// <summary>An .eml file's headers and its body decoded (base64 or quoted-printable, as the SMTP client wrote it).</summary>
    private static string Readable(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (head, body) = (eml[..split], eml[(split + 4)..]);
        if (head.Contains("base64", StringComparison.OrdinalIgnoreCase))
            body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(System.Text.RegularExpressions.Regex.Replace(body, @"\s", "")));
        else if (head.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            body = System.Text.Encoding.UTF8.GetString(DecodeQuotedPrintable(body.Replace("=\r\n", "", StringComparison.Ordinal)));
        return head + "\r\n\r\n" + body;
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return bytes.ToArray();
    }

    private string MailFolder => Path.Combine(Services.GetRequiredService<DataSettings>().DataDirectory, "mail");

    [Fact]
    public async Task Reminders_go_the_day_before_the_deadline_on_the_day_and_every_3_days_overdue_each_once_and_none_before_opening()
    {
        var roundId = await OpenQ4Async();
        // 8:00 UK time (British Summer Time) each day from 30 March to 26 April 2016.
        var clock = new FakeTimeProvider(new DateTimeOffset(2016, 3, 30, 7, 0, 0, TimeSpan.Zero));
        for (var day = 0; day < 28; day++)
        {
            // The scheduler looks many times a day; the second look of the day finds its reminders already sent.
            for (var look = 0; look < 2; look++) await WithScope(sp => Scheduler(sp, clock).ScheduledAsync());
            clock.Advance(TimeSpan.FromDays(1));
        }

        var sent = await Db(db => db.Set<ReminderSent>().AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync());
        var anns = sent.Where(r => r.Recipient == Ann).OrderBy(r => r.SentAt).Select(r => (r.Occasion, DateOnly.FromDateTime(r.SentAt.UtcDateTime))).ToList();
        // 5 days before (10 April) falls before the round opens on 12 April, so nothing goes then. Then 14 April (1 day
        // before), 15 April (the deadline), and 3, 6 and 9 days overdue: 18, 21 and 24 April.
        Assert.Equal(new[]
        {
            ("due-in-1", new DateOnly(2016, 4, 14)), ("due-today", new DateOnly(2016, 4, 15)),
            ("overdue-3", new DateOnly(2016, 4, 18)), ("overdue-6", new DateOnly(2016, 4, 21)), ("overdue-9", new DateOnly(2016, 4, 24)),
        }, anns);
        // Tracey Coffey has items too; the performance officer gets a copy on each occasion; nobody else is written to.
        Assert.Equal(5, sent.Count(r => r.Recipient == "tracey.coffey@outturn.example"));
        Assert.Equal(5, sent.Count(r => r.Recipient == "performance@outturn.example"));
        Assert.Equal(15, sent.Count);
        // Every recorded reminder went as one e-mail, and no e-mail went unrecorded (the demo's Quarter 3 round is
        // overdue too, and has its own reminders).
        var all = await Db(db => db.Set<ReminderSent>().CountAsync());
        Assert.Equal(all, Mail().Length);
        var q4ToAnn = Mail().Where(m => m.Contains(Ann, StringComparison.Ordinal) && m.Contains("Quarter 4 2015/16", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, q4ToAnn.Count);
    }

    [Fact]
    public async Task An_officer_is_told_by_e_mail_when_an_item_is_returned()
    {
        var roundId = await OpenQ4Async();
        var officers = await Db(db => db.Officers.ToDictionaryAsync(o => o.Name, o => o.Id));
        var ann = new Actor(Ann, officers["Ann McIntyre"], false);
        var item = await Db(db => db.Set<RoundItem>().Where(i => i.RoundId == roundId && i.Label.StartsWith("CED005:")).SingleAsync());
        var saved = await WithScope(sp => sp.GetRequiredService<SaveItem>().HandleAsync(new SaveItem.Request(roundId, item.Id, item.Version,
            new ItemUpdate(600m, Domain.Status.ValueStatus.Final, null, null, "Take-up held up."), true), ann));
        Assert.IsType<SaveResult.Saved>(saved);

        await WithScope(sp => sp.GetRequiredService<ReturnItems>().HandleAsync(new ReturnItems.Request(roundId, [item.Id], "Check the figure against the census.", "https://outturn.example"), Performance));

        var mail = Assert.Single(Mail());
        Assert.Contains(Ann, mail, StringComparison.Ordinal);
        Assert.Contains("Check the figure against the census.", mail, StringComparison.Ordinal);
        Assert.Equal(ItemState.Returned, (await Db(db => db.Set<RoundItem>().SingleAsync(i => i.Id == item.Id))).State);
    }
}

public sealed class ReminderTestsOnSqlite() : ReminderTests(DatabaseProvider.Sqlite);

public sealed class ReminderTestsOnPostgres() : ReminderTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_schedulers_on_one_database_send_each_reminder_once()
    {
        await LoadDemoAsync();
        var round = await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request("HBC-CYP-2015-16", Period.Quarter(2015, 4), new DateOnly(2016, 4, 15)),
            new Actor("performance@outturn.example", null, true)));
        var clock = new FakeTimeProvider(new DateTimeOffset(2016, 4, 14, 7, 0, 0, TimeSpan.Zero));

        // Two copies of the app, each with its own connection, looking at the same moment.
        using var start = new SemaphoreSlim(0, 2);
        async Task<int> Instance()
        {
            await using var scope = Services.CreateAsyncScope();
            var scheduler = new SendReminders(scope.ServiceProvider.GetRequiredService<OutturnDbContext>(), scope.ServiceProvider.GetRequiredService<IEmailSender>(), clock, new ReminderSettings());
            await start.WaitAsync();
            return await scheduler.ScheduledAsync();
        }
        var both = new[] { Task.Run(Instance), Task.Run(Instance) };
        start.Release(2);
        var counts = await Task.WhenAll(both);

        var rows = await Db(db => db.Set<ReminderSent>().AsNoTracking().ToListAsync());
        // Quarter 4's day-before reminders to Ann McIntyre and Tracey Coffey, and the performance officer's copy.
        Assert.Equal(new[] { "ann.mcintyre@outturn.example", "performance@outturn.example", "tracey.coffey@outturn.example" },
            rows.Where(r => r.RoundId == round.Id).Select(r => r.Recipient).Order().ToArray());
        Assert.All(rows.Where(r => r.RoundId == round.Id), r => Assert.Equal("due-in-1", r.Occasion));
        // Each reminder went once between the two: as many e-mails as recorded reminders, whichever copy sent them.
        var files = Directory.GetFiles(Path.Combine(Services.GetRequiredService<DataSettings>().DataDirectory, "mail"), "*.eml");
        Assert.Equal(rows.Count, files.Length);
        Assert.Equal(rows.Count(r => r.Recipient != "performance@outturn.example"), counts.Sum());
    }
}
