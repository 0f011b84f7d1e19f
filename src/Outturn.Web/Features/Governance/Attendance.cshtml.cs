using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>Who was present, sent apologies or was absent: the board's members on the day, and anyone else who attended.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class AttendanceModel(OutturnDbContext db, MeetingHandlers meetings) : RecordPageModel
{
    public sealed class Person
    {
        public string Name { get; set; } = "";
        public string? Role { get; set; }
        public string? Kind { get; set; }
        public bool Chair { get; set; }
        public bool Minutes { get; set; }
    }

    public Meeting Meeting { get; private set; } = null!;
    public Board Board { get; private set; } = null!;
    public int Version { get; private set; }
    [BindProperty] public List<Person> People { get; set; } = [];
    [BindProperty] public string? OtherName { get; set; }
    [BindProperty] public string? OtherRole { get; set; }
    [BindProperty] public string? OtherKind { get; set; }

    public static IReadOnlyList<(string, string)> Kinds =>
        [.. Enum.GetValues<AttendanceKind>().Select(k => (k.ToString(), k.ToWords())), ("", "Not recorded")];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Board).ThenInclude(b => b!.Members).Include(x => x.Attendance).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        (Meeting, Board, Version) = (m, m.Board!, m.Version);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"There is no meeting {id}.");
        // The members on the day first, in the board's order; then others recorded at the meeting.
        foreach (var member in Board.MembersOn(Meeting.Date))
        {
            var a = Meeting.Attendance.FirstOrDefault(x => string.Equals(x.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            People.Add(new Person { Name = member.Name, Role = a?.Role ?? member.Detail, Kind = a?.Kind.ToString() ?? "", Chair = (a?.MeetingRole ?? member.Role) == MemberRole.Chair, Minutes = (a?.MeetingRole ?? member.Role) == MemberRole.Minutes });
        }
        foreach (var a in Meeting.Attendance.OrderBy(a => a.Order).Where(a => People.All(p => !string.Equals(p.Name, a.Name, StringComparison.OrdinalIgnoreCase))))
            People.Add(new Person { Name = a.Name, Role = a.Role, Kind = a.Kind.ToString(), Chair = a.MeetingRole == MemberRole.Chair, Minutes = a.MeetingRole == MemberRole.Minutes });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        var entries = People.Select(p => new AttendanceEntry(p.Name, p.Role, p.Chair ? MemberRole.Chair : p.Minutes ? MemberRole.Minutes : MemberRole.Member,
            Enum.TryParse<AttendanceKind>(p.Kind, out var k) ? k : null)).ToList();
        if (!string.IsNullOrWhiteSpace(OtherName))
        {
            if (!Enum.TryParse<AttendanceKind>(OtherKind, out var k)) Problem("other-kind", $"Say whether {OtherName.Trim()} was present, sent apologies or was absent.");
            else entries.Add(new AttendanceEntry(OtherName, OtherRole, MemberRole.Member, k));
        }
        if (Problems.Count > 0) return await LoadAsync(id, ct) ? Page() : NotFound();
        await meetings.RecordAttendanceAsync(id, version, entries, ct);
        TempData["Done"] = "The attendance is saved.";
        return Redirect($"/meetings/{id}#attendance");
    }
}
