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
public class EngagementActivity
{
    public int Id { get; set; }
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

/// <summary>A promise a plan made and, once reviewed, what was achieved ("Review of Promises 2011–14").</summary>
public class Promise
{
    public int Id { get; set; }
    /// <summary>The plan that made the promise, as titled ("Children and Young People's Plan 2011–14").</summary>
    public required string PlanTitle { get; set; }
    public int? PlanId { get; set; }
    public int Order { get; set; }
    public required string Theme { get; set; }
    public required string Text { get; set; }
    public string? WhatWeAchieved { get; set; }
    /// <summary>Where the review was published ("Children and Young People's Plan 2014–17").</summary>
    public string? ReviewedIn { get; set; }
}
