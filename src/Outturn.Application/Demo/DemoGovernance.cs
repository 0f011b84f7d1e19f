using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;

namespace Outturn.Application.Demo;

/// <summary>
/// The demo's boards and meetings (Demo/governance), the 2008 joint area review (Demo/inspections) and the
/// participation records and promises of the 2014–17 plan (Demo/participation); see each folder's README for
/// sources and inferences. Each part loads once: a board, inspection or promise list already held is left alone.
/// </summary>
public sealed class DemoGovernance(OutturnDbContext db, Inspections.InspectionImport inspections)
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Demo", name);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken ct = default)
    {
        var report = new List<string>();
        report.Add(await GovernanceAsync(ct));
        report.Add(await InspectionAsync(ct));
        report.Add(await ParticipationAsync(ct));
        return report;
    }

    // ---- boards and meetings
    private sealed record MemberRow(string Name, bool Councillor, string? Party, MemberRole Role, string? JobTitle, string? Organisation);
    private sealed record LinkRow(string Email, string Member);
    private sealed record BoardRow(string Ref, string Name, BoardKind Kind, string? Parent, bool MeetsInPublic, List<MemberRow> Members, LinkRow? LinkDemoAccount);
    private sealed record ReportRow(string? ReportTo, string? Date, string? Officer, string? Portfolio, string? Subject, string? Wards, string? Purpose, string? Recommendation, string? Body);
    private sealed record DecisionRow(string? Minute, string Title, bool Key, string? Narrative, string? Reasons, string? Alternatives, DateOnly? Implementation, List<string> Resolved);
    private sealed record ActionRow(string Text, string Owner, string? Deadline);
    private sealed record ItemRow(string Number, string Title, string? Parent, bool Exempt, string? StandingText, int[]? Pages, ReportRow? Report, string? Minutes, List<DecisionRow>? Decisions, List<ActionRow>? Actions);
    private sealed record PersonRow(string Name, string? Role, MemberRole MeetingRole);
    private sealed record MeetingRow(string Board, DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Venue, string? SignedBy, string? Contact,
        DateOnly? AgendaPublished, DateOnly? MinutesPublished, List<ItemRow> Items, List<PersonRow>? Present, List<PersonRow>? Apologies);
    private sealed record GovernanceFile(List<BoardRow> Boards, List<MeetingRow> Meetings);

    private static DateTimeOffset? At(DateOnly? d) => d is { } x ? new DateTimeOffset(x.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) : null;

    private async Task<string> GovernanceAsync(CancellationToken ct)
    {
        var file = JsonSerializer.Deserialize<GovernanceFile>(await File.ReadAllTextAsync(Path.Combine(Folder("governance"), "governance.json"), ct), Json)!;
        var held = await db.Set<Board>().Select(b => b.Ref).ToListAsync(ct);
        var boards = new Dictionary<string, Board>();
        foreach (var row in file.Boards.Where(b => !held.Contains(b.Ref)))
        {
            var board = new Board { Ref = row.Ref, Name = row.Name, Kind = row.Kind, MeetsInPublic = row.MeetsInPublic };
            var order = 0;
            foreach (var m in row.Members)
                board.Members.Add(new BoardMember { Name = m.Name, IsCouncillor = m.Councillor, Party = m.Party, Role = m.Role, JobTitle = m.JobTitle, Organisation = m.Organisation, Order = ++order });
            if (row.LinkDemoAccount is { } link && await db.Users.SingleOrDefaultAsync(u => u.Email == link.Email, ct) is OutturnUser user)
                board.Members.Single(m => m.Name == link.Member).UserId = user.Id;
            boards[row.Ref] = board;
            db.Add(board);
        }
        if (boards.Count == 0) return "The boards and meetings demo: already held, left as it is.";
        await db.SaveChangesAsync(ct);
        foreach (var row in file.Boards.Where(b => b.Parent is not null && boards.ContainsKey(b.Ref)))
            boards[row.Ref].ParentBoardId = (boards.GetValueOrDefault(row.Parent!) ?? await db.Set<Board>().SingleAsync(b => b.Ref == row.Parent, ct)).Id;

        var meetings = 0;
        var actions = 0;
        foreach (var row in file.Meetings.Where(m => boards.ContainsKey(m.Board)))
        {
            var board = boards[row.Board];
            var meeting = new Meeting
            {
                BoardId = board.Id, Date = row.Date, StartTime = row.Start, EndTime = row.End, Venue = row.Venue, SignedBy = row.SignedBy, Contact = row.Contact,
            };
            // Published minutes were approved by the chair: the one minuted in the chair, else the board's chair (see the README).
            var chair = row.Present?.FirstOrDefault(p => p.MeetingRole == MemberRole.Chair)?.Name
                        ?? board.Members.FirstOrDefault(m => m.Role == MemberRole.Chair)?.Name ?? $"the Chair of the {board.Name}";
            meeting.RecordPublication(At(row.AgendaPublished), At(row.MinutesPublished), row.MinutesPublished is null ? null : chair, At(row.MinutesPublished));
            var order = 0;
            foreach (var p in row.Present ?? []) meeting.Attendance.Add(new Attendance { Name = p.Name, Role = p.Role, MeetingRole = p.MeetingRole, Kind = AttendanceKind.Present, Order = ++order });
            foreach (var p in row.Apologies ?? []) meeting.Attendance.Add(new Attendance { Name = p.Name, Role = p.Role, Kind = AttendanceKind.Apologies, Order = ++order });
            order = 0;
            var pending = new List<(AgendaItem Item, ActionRow Action)>();
            foreach (var i in row.Items)
            {
                var item = new AgendaItem
                {
                    Order = ++order, Number = i.Number, Title = i.Title, ParentNumber = i.Parent, IsExempt = i.Exempt, StandingText = i.StandingText,
                    PageFrom = i.Pages?.ElementAtOrDefault(0), PageTo = i.Pages?.ElementAtOrDefault(1), Minutes = i.Minutes,
                    Report = i.Report is { } r ? new CoverReport
                    {
                        ReportTo = r.ReportTo, DateText = r.Date, ReportingOfficer = r.Officer, Portfolio = r.Portfolio, Subject = r.Subject, Wards = r.Wards,
                        Purpose = r.Purpose, Recommendation = r.Recommendation, Body = r.Body,
                    } : null,
                };
                foreach (var d in i.Decisions ?? [])
                    item.Decisions.Add(new Decision
                    {
                        MinuteNumber = d.Minute, Title = d.Title, IsKeyDecision = d.Key, Narrative = d.Narrative, Reasons = d.Reasons,
                        AlternativesRejected = d.Alternatives, ImplementationDate = d.Implementation, Resolved = string.Join("\n", d.Resolved),
                    });
                meeting.Items.Add(item);
                foreach (var a in i.Actions ?? []) pending.Add((item, a));
            }
            db.Add(meeting);
            await db.SaveChangesAsync(ct);
            meetings++;
            var people = meeting.Attendance.Select(a => a.Name).Concat(board.Members.Select(m => m.Name)).Distinct().ToList();
            var present = meeting.Attendance.Where(a => a.Kind == AttendanceKind.Present).Select(a => a.Name).ToList();
            foreach (var (item, a) in pending)
            {
                if (!Deadlines.TryParse(a.Deadline, out var deadline))
                    throw new InvalidOperationException($"governance.json: the deadline \"{a.Deadline}\" of item {item.Number} is not one of {Deadlines.AcceptedForms}.");
                var names = Initials.Resolve(a.Owner, people, present, out var unresolved);
                if (unresolved.Count > 0)
                    throw new InvalidOperationException($"governance.json: the owner \"{a.Owner}\" of item {item.Number} has initials matching nobody: {string.Join(", ", unresolved)}.");
                db.Add(new ActionItem
                {
                    MeetingId = meeting.Id, AgendaItemId = item.Id, ItemNumber = item.Number, Text = a.Text, Owner = a.Owner,
                    OwnerNames = a.Owner.Trim().Equals("ALL", StringComparison.OrdinalIgnoreCase) ? "All members present" : string.Join("; ", names),
                    DeadlineText = a.Deadline, Deadline = deadline, Status = ActionStatus.Open,
                });
                actions++;
            }
            await db.SaveChangesAsync(ct);
        }
        return $"Boards and meetings: {boards.Count} boards, {meetings} meetings, {actions} actions loaded.";
    }

    // ---- the 2008 joint area review, an inspection folder like any other (docs/import-formats.md)
    private async Task<string> InspectionAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Folder("inspections"), "jar-2008");
        if (await db.Set<Inspection>().AnyAsync(i => i.Ref == "JAR-2008", ct)) return "JAR-2008: already held, left as it is.";
        var result = await inspections.ImportAsync(folder, ct);
        if (!result.Imported) throw new InvalidOperationException($"The demo inspection does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        return string.Join(" ", result.Done);
    }

    // ---- participation and promises
    private sealed record ActivityRow(string Title, string Method, DateOnly? HeldOn, string? AgeGroups, string? Groups, int? Participants,
        string? WhatTheySaid, string? WhatWeDid, DateOnly? FedBackOn, bool Published, List<string>? Informed, string? Source);

    private async Task<string> ParticipationAsync(CancellationToken ct)
    {
        if (await db.Set<Promise>().AnyAsync(ct) || await db.Set<EngagementActivity>().AnyAsync(ct)) return "The participation and promises demo: already held, left as it is.";
        var folder = Folder("participation");
        var errors = new List<string>();
        var promises = CsvTable.Read(folder, "cypp2014_promises_review.csv", ["seq", "promise_theme", "promise_text", "what_we_achieved"],
            ["bulleted_list_count (bullets lost in source; items run together)", "source_line"], true, errors);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        foreach (var p in promises!)
            db.Add(new Promise
            {
                PlanTitle = "Children and Young People's Plan 2011–14", ReviewedIn = "Children and Young People's Plan 2014–17",
                Order = int.Parse(p["seq"], CultureInfo.InvariantCulture), Theme = p["promise_theme"], Text = p["promise_text"], WhatWeAchieved = p.Optional("what_we_achieved"),
            });
        var activities = JsonSerializer.Deserialize<List<ActivityRow>>(await File.ReadAllTextAsync(Path.Combine(folder, "activities.json"), ct), Json)!;
        foreach (var a in activities)
        {
            if (!ParticipationMethods.TryParse(a.Method, out var method)) throw new InvalidOperationException($"activities.json: \"{a.Method}\" is not one of the fifteen methods.");
            var activity = new EngagementActivity
            {
                Title = a.Title, Method = method, HeldOn = a.HeldOn, AgeGroups = a.AgeGroups, Groups = a.Groups, Participants = a.Participants,
                WhatTheySaid = a.WhatTheySaid, WhatWeDid = a.WhatWeDid, FedBackOn = a.FedBackOn, Source = a.Source,
            };
            foreach (var informed in a.Informed ?? []) activity.Links.Add(new EngagementLink { Informed = informed });
            if (a.Published) activity.PublishResponse();
            db.Add(activity);
        }
        await db.SaveChangesAsync(ct);
        return $"Participation and promises: {promises!.Count} promises and {activities.Count} engagement activities loaded.";
    }
}
