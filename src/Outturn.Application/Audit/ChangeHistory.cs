using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;

namespace Outturn.Application.Audit;

/// <summary>One recorded change told in words: "Value for Quarter 3 2015/16 changed from 585 to 612 by Ann McIntyre (AMc) on 12 January 2016 at 14:05".</summary>
public sealed record HistoryLine(long Id, DateTimeOffset At, string Who, string What, string? Reason, string Sentence, AuditEntry Entry);

/// <summary>
/// Reads the audit trail back as sentences people can follow, with names instead of accounts and officer numbers,
/// en-GB dates in UK time and the reason given with the change. Every history page and the audit search use it, so
/// a change reads the same wherever it is shown.
/// </summary>
public sealed class ChangeHistory(OutturnDbContext db)
{
    /// <summary>The changes recorded against any of these keys, newest first.</summary>
    public async Task<IReadOnlyList<HistoryLine>> ForKeysAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => keys.Contains(a.EntityKey))
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        return await DescribeAsync(entries, ct);
    }

    /// <summary>
    /// The changes recorded against a record and everything under it: keys equal to any of <paramref name="prefixes"/>
    /// or starting with one followed by a colon ("meeting:12" and "meeting:12:item:40"), newest first.
    /// </summary>
    public async Task<IReadOnlyList<HistoryLine>> UnderAsync(IReadOnlyCollection<string> prefixes, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        foreach (var prefix in prefixes.Distinct())
        {
            var under = prefix + ":";
            entries.AddRange(await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == prefix || a.EntityKey.StartsWith(under)).ToListAsync(ct));
        }
        return await DescribeAsync(entries.DistinctBy(e => e.Id).OrderByDescending(e => e.Id).ToList(), ct);
    }

    /// <summary>Tells each entry in words, in the order given, leaving out the bookkeeping fields nobody reads.</summary>
    public async Task<IReadOnlyList<HistoryLine>> DescribeAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var shown = await PlanItemLinesAsync(entries.Where(e => !AuditWords.IsBookkeeping(e.Entity, e.Field)).ToList(), ct);
        var accounts = shown.Select(e => e.By).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => u.Email != null && accounts.Contains(u.Email))
            .Select(u => new { u.Email, u.DisplayName, Initials = u.Officer == null ? null : u.Officer.Initials })
            .ToListAsync(ct);
        var who = people.ToDictionary(p => p.Email!, p => AuditWords.Person(p.DisplayName, p.Initials), StringComparer.OrdinalIgnoreCase);

        var officerIds = shown.Where(e => AuditWords.IsOfficerField(e.Field))
            .SelectMany(e => new[] { e.OldValue, e.NewValue })
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(CultureInfo.InvariantCulture), o => AuditWords.Person(o.Name, o.Initials), ct);
        var items = await ItemNamesAsync(shown, ct);

        return shown.Select(e =>
        {
            var person = who.GetValueOrDefault(e.By) ?? e.By;
            string? Name(string? v) => v is null ? v
                : AuditWords.IsOfficerField(e.Field) ? officers.GetValueOrDefault(v, v)
                : e.Field is { } f && items.TryGetValue((f, v), out var named) ? named : v;
            var what = AuditWords.What(e.Entity, e.EntityKey, e.Field, e.Action, Name(e.OldValue), Name(e.NewValue));
            return new HistoryLine(e.Id, e.At, person, what, e.Reason, AuditWords.Sentence(what, person, e.At, e.Reason), e);
        }).ToList();
    }

    /// <summary>The plan's own items, whose additions read as one line ("Measure added").</summary>
    internal static readonly string[] PlanItems = ["Priority", "Objective", "Milestone", "Indicator"];

    /// <summary>
    /// A plan's items read as people think of them: an item added is one line ("Measure added"), not one per field;
    /// a target's state and figure changed together are one line ("Target for 2015/16 changed from tbc to 95%"),
    /// its figure printed with the measure's unit.
    /// </summary>
    private async Task<List<AuditEntry>> PlanItemLinesAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var measureIds = entries.Where(e => e.Entity == "Target" && e.Field is "State" or "Value")
            .Select(e => e.EntityKey.Split(':')).Where(k => k.Length >= 3 && k[0] == "indicator")
            .Select(k => int.TryParse(k[1], CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
        var measures = await db.Indicators.AsNoTracking().Where(i => measureIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var result = new List<AuditEntry>();
        var done = new HashSet<(string, string, DateTimeOffset, string)>();
        foreach (var e in entries)
        {
            var group = (e.Entity, e.EntityKey, e.At, e.Action);
            if (e.Action == "Added" && PlanItems.Contains(e.Entity))
            {
                if (done.Add(group)) result.Add(new AuditEntry { Id = e.Id, At = e.At, By = e.By, Entity = e.Entity, EntityKey = e.EntityKey, Action = e.Action, Reason = e.Reason });
                continue;
            }
            if (e.Entity == "Target" && e.Field is "State" or "Value")
            {
                if (!done.Add(group)) continue;
                var parts = entries.Where(x => (x.Entity, x.EntityKey, x.At, x.Action) == group).ToList();
                var state = parts.FirstOrDefault(x => x.Field == "State");
                var value = parts.FirstOrDefault(x => x.Field == "Value");
                var id = int.TryParse(e.EntityKey.Split(':')[1], CultureInfo.InvariantCulture, out var i) ? i : 0;
                var measure = measures.GetValueOrDefault(id);
                string? Text(string? s, string? v) => (s ?? (v is null ? null : "Set")) switch
                {
                    null => null,
                    "Set" => v is not null && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && measure is not null ? measure.Format(d) : v,
                    "ToBeConfirmed" => "tbc",
                    _ => "n/a",
                };
                // A figure changed alone leaves the state as it was: set.
                var heldState = state is null ? "Set" : null;
                result.Add(new AuditEntry
                {
                    Id = e.Id, At = e.At, By = e.By, Entity = "Target", EntityKey = e.EntityKey, Action = e.Action, Field = "Target", Reason = e.Reason,
                    OldValue = Text(state?.OldValue ?? (e.Action == "Added" ? null : heldState), value?.OldValue),
                    NewValue = Text(state?.NewValue ?? heldState, value?.NewValue),
                });
                continue;
            }
            result.Add(e);
        }
        return result;
    }

    /// <summary>The priorities, objectives and organisations an entry names by number, by their names.</summary>
    private async Task<Dictionary<(string Field, string Id), string>> ItemNamesAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        List<int> Ids(string field) => entries.Where(e => e.Field == field).SelectMany(e => new[] { e.OldValue, e.NewValue })
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
        var names = new Dictionary<(string, string), string>();
        var priorities = Ids("PriorityId");
        foreach (var p in await db.Priorities.AsNoTracking().Where(p => priorities.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            names[("PriorityId", p.Id.ToString(CultureInfo.InvariantCulture))] = p.Name;
        var objectives = Ids("ObjectiveId");
        foreach (var o in await db.Objectives.AsNoTracking().Where(o => objectives.Contains(o.Id)).Select(o => new { o.Id, o.Ref }).ToListAsync(ct))
            names[("ObjectiveId", o.Id.ToString(CultureInfo.InvariantCulture))] = o.Ref;
        var organisations = Ids("OrganisationId");
        foreach (var o in await db.Set<Domain.Organisations.Organisation>().AsNoTracking().Where(o => organisations.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            names[("OrganisationId", o.Id.ToString(CultureInfo.InvariantCulture))] = o.Name;
        return names;
    }
}

/// <summary>The words for fields and values; kept apart from the store so that each sentence form can be tested alone.</summary>
public static partial class AuditWords
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo Uk = FindUk();

    private static TimeZoneInfo FindUk()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    /// <summary>"Ann McIntyre (AMc)", or the name alone for someone with no initials.</summary>
    public static string Person(string name, string? initials) => string.IsNullOrWhiteSpace(initials) ? name : $"{name} ({initials})";

    /// <summary>"12 January 2016 at 14:05", in UK time whatever the server's clock zone.</summary>
    public static string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Uk);
        return $"{local.ToString("d MMMM yyyy", Gb)} at {local.ToString("HH:mm", Gb)}";
    }

    public static string Sentence(string what, string who, DateTimeOffset at, string? reason) =>
        $"{what} by {who} on {When(at)}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}");

    /// <summary>Fields kept for the system's own use (who saved last, a row's version) that would only repeat the entry's own who and when.</summary>
    public static bool IsBookkeeping(string entity, string? field) => field is "UpdatedBy" or "UpdatedAt" or "Version" or "EditedByHand" or "CommentaryApprovedByOfficerId"
        || (entity == "StatusOverride" && field is "By" or "At")
        // A risk's latest scores repeat its latest quarter's, whose own entries tell the change.
        || (entity == "Risk" && field is "InitialLikelihood" or "InitialImpact" or "ResidualLikelihood" or "ResidualImpact" or "TargetLikelihood" or "TargetImpact");

    public static bool IsOfficerField(string? field) => field is "OfficerId" or "AssigneeId";

    /// <summary>What changed, without who and when: "Target for 2015/16 changed from tbc to 95".</summary>
    public static string What(string entity, string key, string? field, string action, string? oldValue, string? newValue)
    {
        var subject = Subject(entity, key, field);
        if (field is null && action == "Added" && ChangeHistory.PlanItems.Contains(entity)) return $"{Capitalise(ItemWord(entity))} added";
        if (field is "TimetableYears" or "Strands") (oldValue, newValue) = (ListWords(field, oldValue), ListWords(field, newValue));
        if (field == "RetiredOn")
            return newValue is null ? $"{Capitalise(ItemWord(entity))} reinstated" : $"{Capitalise(ItemWord(entity))} retired from {Value(field, newValue)}";
        var (o, n) = (Value(field, oldValue), Value(field, newValue));
        if (field is null)
            return action switch
            {
                "Added" => $"{subject} added: {n}",
                "Deleted" => $"{subject} removed: {o}",
                _ => $"{subject} changed",
            };
        return action switch
        {
            "Added" => $"{subject} recorded as {n}",
            "Deleted" => $"{subject} removed (was {o})",
            _ when oldValue is null || oldValue.Length == 0 => $"{subject} set to {n}",
            _ when newValue is null || newValue.Length == 0 => $"{subject} cleared (was {o})",
            _ => $"{subject} changed from {o} to {n}",
        };
    }

    /// <summary>The changed thing in words: "Value for Quarter 3 2015/16", "Supporting commentary for Quarter 2 2015/16", "Due date".</summary>
    public static string Subject(string entity, string key, string? field)
    {
        var period = PeriodIn(key);
        var forPeriod = period is null ? "" : " for " + period;
        var name = (entity, field) switch
        {
            ("IndicatorValue" or "RoundItem", "Value") => "Value",
            ("IndicatorValue", "Status") or ("RoundItem", "ValueStatus") => "Status of the value",
            ("IndicatorValue" or "RoundItem", "Note") => "Note on the value",
            ("IndicatorValue" or "RoundItem", "Numerator") => "Numerator",
            ("IndicatorValue" or "RoundItem", "Denominator") => "Denominator",
            ("Target", "Value" or "Target") => "Target",
            ("Target", "State") => "Whether the target is set",
            ("Target", "Note") => "Note on the target",
            ("StatusOverride", "Status") => "Officer's judgement",
            ("StatusOverride", "Reason") => "Reason for the officer's judgement",
            ("StatusOverride", "Kind") => "Kind of judgement",
            ("MilestoneUpdate" or "RoundItem", "Progress") => "Progress",
            ("MilestoneUpdate" or "RoundItem", "Commentary") => "Commentary",
            ("Commentary", "Text") => "Supporting commentary",
            ("RoundItem", "Reason") => "Reason for the judgement",
            ("RoundItem", "UnusualChange") => "Explanation of an unusual change",
            ("RoundItem", "State") => "State",
            ("RoundItem", "AssigneeId") => "Assigned to",
            ("RoundItem", "OnBehalfOf") => "Entered on behalf of",
            ("RoundItem", "ReturnComment") => "Comment on returning the item",
            ("RoundItem", "CommentaryFromDraft") => "Commentary begun from the draft written from the figures",
            ("RoundItem", "CommentaryApprovedBy") => "Drafted commentary approved by",
            ("RoundItem", "FilledFrom") => "Source of the figure",
            ("MonitoringRound", "OpensOn") => "Opening date",
            ("MonitoringRound", "State") => "Stage of the round",
            ("MonitoringRound", "ConfirmedOutstanding") => "Items outstanding confirmed at review",
            ("Meeting", "Date") => "Date of the meeting",
            ("Meeting", "StartTime") => "Start time",
            ("Meeting", "EndTime") => "End time",
            ("Meeting", "SignedBy") => "Signatory",
            ("Meeting", "AgendaPublishedAt") => "Agenda published",
            ("Meeting", "MinutesPublishedAt") => "Minutes published",
            ("Meeting", "MinutesApprovedAt") => "Minutes approved",
            ("Meeting", "MinutesApprovedBy") => "Minutes approved by",
            ("AgendaItem", "Order") => "Position on the agenda",
            ("AgendaItem", "Number") => "Item number",
            ("AgendaItem", "ParentNumber") => "Heading it sits under",
            ("AgendaItem", "IsExempt") => "Part II (exempt)",
            ("AgendaItem", "PageFrom") => "First page",
            ("AgendaItem", "PageTo") => "Last page",
            ("AgendaItem", "Minutes") => "Minute",
            ("AgendaItem", "ReportKind") => "Report taken",
            ("AgendaItem", "ReportPlanId") => "Plan of the report taken",
            ("AgendaItem", "ReportPeriod") => "Quarter of the report taken",
            ("CoverSheet", "DateText") => "Date on the cover sheet",
            ("CoverSheet", "ReportTo") => "Report to",
            ("BoardMember", "IsCouncillor") => "Councillor",
            ("BoardMember", "IsCoOpted") => "Co-opted member",
            ("BoardMember", "From") => "Member from",
            ("BoardMember", "To") => "Member to",
            ("BoardMember", "UserId") => "Account linked to the seat",
            ("Board", "ParentBoardId") => "Board reported to",
            ("Board", "MeetsInPublic") => "Meets in public",
            ("Attendance", "Kind") => "Attendance",
            ("Attendance", "MeetingRole") => "Role at the meeting",
            ("Decision", "IsKeyDecision") => "Key decision",
            ("Decision", "AlternativesRejected") => "Alternative options considered and rejected",
            ("Decision", "Reasons") => "Reasons for the decision",
            ("Decision", "Resolved") => "Resolved",
            ("Decision", "ImplementationDate") => "Implementation date",
            ("ActionItem", "DeadlineText") => "Deadline",
            ("ActionItem", "Deadline") => "Deadline date",
            ("Inspection", "Type") => "Kind of inspection",
            ("Inspection", "PublishedOn") => "Date published",
            ("Inspection", "IsPublished") => "Findings public",
            ("Inspection", "ReportAddress") => "Report's address",
            ("Recommendation", "ResponsibleBody") => "Addressed to",
            ("ImprovementAction", "DueSet") => "Due date set by hand",
            ("ImprovementAction", "Text") => "Action",
            ("ImprovementQuarter", "Delivery") => "Delivery",
            ("ImprovementQuarter", "Impact") => "Impact",
            ("PromiseReview", "WhatWeAchieved") or ("Promise", "WhatWeAchieved") => "What we achieved",
            ("Promise", "ReviewedIn") => "Reviewed in",
            ("EngagementActivity", "HeldOn") => "Held on",
            ("EngagementActivity", "WhatTheySaid") => "What they said",
            ("EngagementActivity", "WhatWeDid") => "What we did",
            ("EngagementActivity", "FedBackOn") => "Fed back on",
            ("EngagementActivity", "ResponsePublished") => "Published on \"you said, we did\"",
            ("RiskControlUpdate" or "EqualityActionUpdate", "Progress") => "Progress" + Of(key),
            ("RiskControlUpdate" or "EqualityActionUpdate", "Commentary") => "Commentary" + Of(key),
            ("RiskAssessment", "AssessedOn") => "Day scored",
            ("RiskControlMeasure", "Text") => "Control measure" + Control(key),
            ("RiskControlMeasure", "Owner") => "Owner of control measure" + Control(key),
            ("RiskControlMeasure", "Due") => "Due date of control measure" + Control(key),
            ("RiskControlMeasure", "Ref") => "Control measure",
            ("Risk", "State") => "Status of the risk",
            ("Risk", "ClosureReason") => "Reason for closing",
            ("Risk", "ReviewDate") => "Next review",
            ("Risk", "LastReviewed") => "Last review",
            ("Risk", "PlanRef") or ("EqualityAction", "PlanRef") => "Plan",
            ("Risk", "ObjectiveRef") => "Objective threatened",
            ("EqualityAction", "Subject") => "Strategy, policy or service",
            ("EqualityAction", "Strands") => "Protected characteristics",
            ("EqualityAction", "Impact") => "Impact found",
            ("EqualityAction", "Officer") => "Officer responsible",
            ("EqualityAction", "TimetableYears") => "Timetable",
            ("EqualityAction", "CompletedOn") => "Completed on",
            (_, "OfficerId") => "Responsible officer",
            (_, "Due") => "Due date",
            ("Objective", "IsKey") => "Key objective",
            (_, "IsKey") => "Key measure",
            ("Objective" or "Milestone", "Title" or "Text") => "Text",
            ("Indicator", "Precision") => "Decimal places",
            ("Indicator", "Availability") => "Data availability",
            ("Indicator", "DirectionBasis") => "What direction of travel compares with",
            ("Indicator", "Minimum") => "Lowest possible figure",
            ("Indicator", "Maximum") => "Highest possible figure",
            ("Plan", "Status") => "Status of the plan",
            ("Plan", "FirstYear") => "First year",
            ("Plan", "LastYear") => "Last year",
            ("Milestone", "Year") => "Plan year",
            (_, "ObjectiveId") => "Objective",
            (_, "PriorityId") => "Priority",
            (_, "OrganisationId") => "Organisation",
            (_, null) => Capitalise(ItemWord(entity)),
            _ => Capitalise(Words(field)),
        };
        return name + forPeriod;
    }

    /// <summary>A stored value in words: enum names spaced, yes/no, dates in full, text in quotation marks, "blank" for nothing.</summary>
    public static string Value(string? field, string? value)
    {
        if (value is null || value.Length == 0) return "blank";
        // A target already in words ("95%", "tbc", "n/a"), made so by the history from its state and figure.
        if (field is "Target") return value;
        if (field is "FirstYear" or "LastYear" or "Year" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000)
            return Period.FinancialYear(year).ToString();
        if (field is "State" && value == "ToBeConfirmed") return "tbc";
        if (value is "True") return "yes";
        if (value is "False") return "no";
        if (DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            return d.ToString("d MMMM yyyy", Gb);
        if (DateTimeOffset.TryParseExact(value, "MM/dd/yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return When(at);
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) return value;
        if (EnumName().IsMatch(value)) return Words(value);
        return $"“{value}”";
    }

    /// <summary>" of control measure b", from a control measure's key.</summary>
    private static string Of(string key) => key.Contains(":control:", StringComparison.Ordinal) ? " of control measure" + Control(key) : "";

    private static string Control(string key)
    {
        var parts = key.Split(':');
        var at = Array.IndexOf(parts, "control");
        return at >= 0 && at + 1 < parts.Length ? " " + parts[at + 1] : "";
    }

    /// <summary>A list as stored ("2015; 2016", "Race; SexualOrientation") in words ("2015/16; 2016/17", "race; sexual orientation").</summary>
    private static string? ListWords(string field, string? value) => value is null || value.Length == 0 ? value : string.Join("; ",
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v =>
            field == "TimetableYears" && int.TryParse(v, CultureInfo.InvariantCulture, out var year) ? Period.FinancialYear(year).ToString()
            : Words(v)));

    private static string ItemWord(string entity) => entity switch
    {
        "Indicator" => "measure",
        "IndicatorValue" => "value",
        "RoundItem" => "update",
        "MonitoringRound" => "round",
        "StatusOverride" => "officer's judgement",
        "MilestoneUpdate" => "milestone update",
        "BoardMember" => "member",
        "ActionItem" => "action",
        "ActionUpdate" => "update on the action",
        "JudgementGrade" => "grade",
        "KeyJudgement" => "key judgement",
        "ImprovementLink" => "link",
        "ImprovementQuarter" => "progress",
        "PromiseReview" => "review",
        "EngagementActivity" => "engagement activity",
        "CoverSheet" => "cover sheet",
        "RiskAssessment" => "risk's scores",
        "RiskControlMeasure" => "control measure",
        "RiskControlUpdate" => "progress on a control measure",
        "EqualityActionUpdate" => "progress on an equality action",
        _ => Words(entity),
    };

    /// <summary>The period in an audit key ("indicator:12:2015/16 Q3") as the reports name it.</summary>
    private static string? PeriodIn(string key)
    {
        foreach (var part in key.Split(':'))
            if (part.Contains('/') || part.Contains(" Q", StringComparison.Ordinal))
                if (Period.TryParse(part, out var p)) return p.ToDisplayString();
        return null;
    }

    private static string Words(string pascal) => SplitWords().Replace(pascal, " $1").Trim().ToLowerInvariant();

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex SplitWords();

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")]
    private static partial Regex EnumName();
}
