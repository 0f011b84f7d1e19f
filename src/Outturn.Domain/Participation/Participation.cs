using Outturn.Domain.Periods;

namespace Outturn.Domain.Participation;

/// <summary>The fifteen ways of involving children, young people and families in the 2014–17 plan ("INVOLVE through").</summary>
public enum ParticipationMethod
{
    Surveys = 1, FocusGroups, Representatives, PeerResearchers, PeerAnalysts, YoungAndParentInterviewers, YoungInspectors,
    PeerEducators, CreativeMethods, Conferences, YouthBudget, HandTheProjectOver, ListeningThroughPlay, YoungCommissioners, SpeedMeetings,
}

public static class ParticipationMethods
{
    public static string ToWords(this ParticipationMethod m) => m switch
    {
        ParticipationMethod.Surveys => "Surveys",
        ParticipationMethod.FocusGroups => "Focus groups",
        ParticipationMethod.Representatives => "Representatives",
        ParticipationMethod.PeerResearchers => "Peer researchers",
        ParticipationMethod.PeerAnalysts => "Peer analysts",
        ParticipationMethod.YoungAndParentInterviewers => "Young/parent interviewers",
        ParticipationMethod.YoungInspectors => "Young/parent inspectors, kite markers, mystery shoppers",
        ParticipationMethod.PeerEducators => "Peer educators",
        ParticipationMethod.CreativeMethods => "Creative methods",
        ParticipationMethod.Conferences => "Youth/parent conference or event",
        ParticipationMethod.YouthBudget => "Youth budget",
        ParticipationMethod.HandTheProjectOver => "Hand the project over",
        ParticipationMethod.ListeningThroughPlay => "Listening through play",
        ParticipationMethod.YoungCommissioners => "Young commissioners",
        _ => "Speed/circuit meeting",
    };

    /// <summary>Words accepted in files: the enum name, its number (1–15) or its words, case-insensitive.</summary>
    public static bool TryParse(string text, out ParticipationMethod method)
    {
        var t = text.Trim();
        foreach (var m in Enum.GetValues<ParticipationMethod>())
            if (string.Equals(t, m.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, m.ToWords(), StringComparison.OrdinalIgnoreCase)
                || t == ((int)m).ToString(System.Globalization.CultureInfo.InvariantCulture))
            { method = m; return true; }
        method = default;
        return false;
    }
}

/// <summary>
/// One piece of engagement and its "you said, we did" cycle: who took part, what they said, what was done in
/// response and when that was fed back to them; linked to the plan priorities and objectives it informed.
/// </summary>
public sealed record ActivityDetails(string Title, ParticipationMethod Method, DateOnly? HeldOn, string? AgeGroups, string? Groups, int? Participants, string? WhatTheySaid);

public class EngagementActivity : IVersioned
{
    public int Id { get; set; }
    public int Version { get; private set; }
    public required string Title { get; set; }
    public ParticipationMethod Method { get; set; }
    /// <summary>When it took place; null where the source does not say.</summary>
    public DateOnly? HeldOn { get; set; }
    /// <summary>Age groups taking part ("10-19", "0-5 with parents").</summary>
    public string? AgeGroups { get; set; }
    /// <summary>Groups taking part ("children in care", "parents and carers").</summary>
    public string? Groups { get; set; }
    public int? Participants { get; set; }
    public string? WhatTheySaid { get; set; }
    public string? WhatWeDid { get; set; }
    public DateOnly? FedBackOn { get; set; }
    /// <summary>Shown on the public "you said, we did" page once true (and only with a response written).</summary>
    public bool ResponsePublished { get; set; }
    public string? Source { get; set; }
    public List<EngagementLink> Links { get; set; } = [];

    /// <summary>The cycle is complete when there is a response and it has been fed back.</summary>
    public bool CycleComplete => !string.IsNullOrWhiteSpace(WhatWeDid) && FedBackOn is not null;

    public void PublishResponse()
    {
        if (string.IsNullOrWhiteSpace(WhatTheySaid) || string.IsNullOrWhiteSpace(WhatWeDid))
            throw new DomainException("A response is published only once both \"what they said\" and \"what we did\" are written.");
        ResponsePublished = true;
    }

    public static EngagementActivity Record(ActivityDetails details)
    {
        var a = new EngagementActivity { Title = "" };
        a.Edit(details);
        a.Version = 0;
        return a;
    }

    /// <summary>What took place: the method (one of the plan's fifteen), when, who took part and how many, and what they said.</summary>
    public void Edit(ActivityDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Enter a title for the activity.");
        if (!Enum.IsDefined(d.Method)) throw new DomainException("Choose how children, young people or families were involved: one of the plan's fifteen methods.");
        if (d.Participants is < 0) throw new DomainException("The number who took part cannot be negative.");
        if (ResponsePublished && string.IsNullOrWhiteSpace(d.WhatTheySaid))
            throw new DomainException("The response is published: \"what they said\" stays written while it is. Withdraw the response first.", DomainRefusal.Conflict);
        Title = d.Title.Trim();
        Method = d.Method;
        HeldOn = d.HeldOn;
        AgeGroups = Clean(d.AgeGroups);
        Groups = Clean(d.Groups);
        Participants = d.Participants;
        WhatTheySaid = Clean(d.WhatTheySaid);
        Version++;
    }

    /// <summary>What was done in response and when it was fed back; published on "you said, we did" when asked, or withdrawn.</summary>
    public void Respond(string? whatWeDid, DateOnly? fedBackOn, bool publish)
    {
        if (fedBackOn is { } f && HeldOn is { } h && f < h)
            throw new DomainException($"Feedback ({f:d MMMM yyyy}) cannot come before the activity ({h:d MMMM yyyy}).");
        if (fedBackOn is not null && string.IsNullOrWhiteSpace(whatWeDid))
            throw new DomainException("Say what was done before recording when it was fed back.");
        WhatWeDid = Clean(whatWeDid);
        FedBackOn = fedBackOn;
        if (publish) PublishResponse(); else ResponsePublished = false;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A plan priority or objective an activity informed.</summary>
public class EngagementLink
{
    public int Id { get; set; }
    public int EngagementActivityId { get; set; }
    public int? PriorityId { get; set; }
    public int? ObjectiveId { get; set; }
    /// <summary>A priority of a plan not held in Outturn, as text.</summary>
    public string? Informed { get; set; }
}

/// <summary>How a promise stands at a yearly review.</summary>
public enum PromiseProgress { OnTrack, SomeProgress, NotOnTrack, Kept }

public static class PromiseWords
{
    public static string ToWords(this PromiseProgress p) => p switch
    {
        PromiseProgress.OnTrack => "On track",
        PromiseProgress.SomeProgress => "Some progress",
        PromiseProgress.NotOnTrack => "Not on track",
        _ => "Kept",
    };
}

/// <summary>
/// A promise a plan made, under one of its priorities, and what was achieved: reviewed each year of the plan
/// (<see cref="Reviews"/>), and at the plan's end in the next plan ("Review of Promises 2011–14").
/// </summary>
public class Promise : IVersioned
{
    public int Id { get; set; }
    public int Version { get; private set; }
    /// <summary>The plan priority the promise sits under, when the plan is held in Outturn.</summary>
    public int? PriorityId { get; set; }
    public List<PromiseReview> Reviews { get; set; } = [];
    /// <summary>The plan that made the promise, as titled ("Children and Young People's Plan 2011–14").</summary>
    public required string PlanTitle { get; set; }
    public int? PlanId { get; set; }
    public int Order { get; set; }
    public required string Theme { get; set; }
    public required string Text { get; set; }
    public string? WhatWeAchieved { get; set; }
    /// <summary>Where the review was published ("Children and Young People's Plan 2014–17").</summary>
    public string? ReviewedIn { get; set; }

    /// <summary>A promise of a plan held in Outturn, under one of its priorities (whose name is the promise's theme).</summary>
    public static Promise Make(int planId, string planTitle, int? priorityId, string theme, string text, int order)
    {
        var p = new Promise { PlanId = planId, PlanTitle = planTitle, Theme = "", Text = "", Order = order };
        p.Edit(priorityId, theme, text, null, null);
        p.Version = 0;
        return p;
    }

    public void Edit(int? priorityId, string theme, string text, string? whatWeAchieved, string? reviewedIn)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Enter the promise as the plan words it.");
        if (string.IsNullOrWhiteSpace(theme)) throw new DomainException("Choose the priority the promise sits under.");
        PriorityId = priorityId;
        Theme = theme.Trim();
        Text = text.Trim();
        WhatWeAchieved = string.IsNullOrWhiteSpace(whatWeAchieved) ? null : whatWeAchieved.Trim();
        ReviewedIn = string.IsNullOrWhiteSpace(reviewedIn) ? null : reviewedIn.Trim();
        Version++;
    }

    /// <summary>The year's review of the promise: how it stands and what was achieved. A year already reviewed is revised.</summary>
    public PromiseReview Review(Period year, PromiseProgress progress, string whatWeAchieved, string by, DateTimeOffset at)
    {
        if (year.Kind != PeriodKind.FinancialYear) throw new DomainException($"Promises are reviewed each year; {year.ToDisplayString()} is not a year.");
        if (!Enum.IsDefined(progress)) throw new DomainException("Choose how the promise stands.");
        if (string.IsNullOrWhiteSpace(whatWeAchieved)) throw new DomainException($"Say what was achieved towards the promise in {year.ToDisplayString()}.");
        var r = Reviews.FirstOrDefault(x => x.Year == year);
        if (r is null) Reviews.Add(r = new PromiseReview { PromiseId = Id, Year = year, WhatWeAchieved = "" });
        r.Progress = progress;
        r.WhatWeAchieved = whatWeAchieved.Trim();
        r.UpdatedBy = by;
        r.UpdatedAt = at;
        Version++;
        return r;
    }

    /// <summary>The latest year's review.</summary>
    public PromiseReview? Latest => Reviews.OrderByDescending(r => r.Year.End).FirstOrDefault();
}

/// <summary>One year's review of a promise.</summary>
public class PromiseReview
{
    public int Id { get; set; }
    public int PromiseId { get; set; }
    /// <summary>The financial year reviewed.</summary>
    public Period Year { get; set; }
    public PromiseProgress Progress { get; set; }
    public required string WhatWeAchieved { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
