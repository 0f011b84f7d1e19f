using Outturn.Application.Audit;

namespace Outturn.Application.Tests.Audit;

/// <summary>The sentences for boards, meetings, inspections and participation records, worked out from the wording the histories promise.</summary>
public sealed class RecordsAuditWordsTests
{
    [Theory]
    [InlineData("AgendaItem", "meeting:3:item:40", null, "Added", null, "6(A) Performance monitoring", "Agenda item added: “6(A) Performance monitoring”")]
    [InlineData("AgendaItem", "meeting:3:item:40", null, "Deleted", "8 Placement contract", null, "Agenda item removed: “8 Placement contract”")]
    [InlineData("AgendaItem", "meeting:3:item:40", "Order", "Modified", "3", "1", "Position on the agenda changed from 3 to 1")]
    [InlineData("AgendaItem", "meeting:3:item:40", "IsExempt", "Modified", "False", "True", "Part II (exempt) changed from no to yes")]
    [InlineData("AgendaItem", "meeting:3:item:40", "ReportKind", "Modified", null, "MonitoringReport", "Report taken set to monitoring report")]
    [InlineData("Meeting", "meeting:3", "MinutesApprovedAt", "Modified", null, "01/05/2016 10:00:00 +00:00", "Minutes approved set to 5 January 2016 at 10:00")]
    [InlineData("Meeting", "meeting:3", "Date", "Modified", "01/04/2016", "01/11/2016", "Date of the meeting changed from 4 January 2016 to 11 January 2016")]
    [InlineData("BoardMember", "board:1:member:2", "To", "Modified", null, "05/19/2016", "Member to set to 19 May 2016")]
    [InlineData("Attendance", "meeting:3:attendance:9", "Kind", "Modified", "Present", "Apologies", "Attendance changed from present to apologies")]
    [InlineData("ImprovementQuarter", "improvement-action:5:2008/09 Q3", null, "Added", null, "In progress; some impact", "Progress for Quarter 3 2008/09 added: “In progress; some impact”")]
    [InlineData("PromiseReview", "promise:4:2015/16", "WhatWeAchieved", "Modified", "Work started", "Every review heard the child", "What we achieved for 2015/16 changed from “Work started” to “Every review heard the child”")]
    [InlineData("EngagementActivity", "engagement:7", "ResponsePublished", "Modified", "False", "True", "Published on \"you said, we did\" changed from no to yes")]
    [InlineData("CoverSheet", "agenda-item:40:cover", "Subject", "Modified", "Q2 report", "Quarter 2 report", "Subject changed from “Q2 report” to “Quarter 2 report”")]
    public void Each_change_to_a_record_kept_in_the_browser_reads_in_words(string entity, string key, string? field, string action, string? old, string? @new, string expected) =>
        Assert.Equal(expected, AuditWords.What(entity, key, field, action, old, @new));
}
