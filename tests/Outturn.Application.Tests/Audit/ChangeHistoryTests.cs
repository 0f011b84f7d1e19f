using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Audit;

/// <summary>Each sentence form of a history, worked out from the wording the histories promise.</summary>
public sealed class AuditWordsTests
{
    [Fact]
    public void A_changed_figure_reads_with_its_period_person_and_uk_time()
    {
        var what = AuditWords.What("IndicatorValue", "indicator:5:2015/16 Q3", "Value", "Modified", "585", "612");
        Assert.Equal("Value for Quarter 3 2015/16 changed from 585 to 612 by Ann McIntyre (AMc) on 12 January 2016 at 14:05",
            AuditWords.Sentence(what, AuditWords.Person("Ann McIntyre", "AMc"), new DateTimeOffset(2016, 1, 12, 14, 5, 0, TimeSpan.Zero), null));
    }

    [Fact]
    public void Summer_changes_are_told_in_british_summer_time()
    {
        // 09:30 UTC on 14 July is 10:30 in London.
        Assert.Equal("14 July 2015 at 10:30", AuditWords.When(new DateTimeOffset(2015, 7, 14, 9, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_reason_given_with_the_change_ends_the_sentence()
    {
        var what = AuditWords.What("Target", "indicator:5:2015/16", "Value", "Modified", null, "95");
        Assert.Equal("Target for 2015/16 set to 95 by Tracey Coffey (TC) on 3 November 2015 at 10:00: confirmed at mid-year review",
            AuditWords.Sentence(what, "Tracey Coffey (TC)", new DateTimeOffset(2015, 11, 3, 10, 0, 0, TimeSpan.Zero), "confirmed at mid-year review"));
    }

    [Theory]
    [InlineData("Target", "indicator:5:2015/16", "State", "Modified", "ToBeConfirmed", "Set", "Whether the target is set for 2015/16 changed from tbc to set")]
    [InlineData("RoundItem", "round-item:7", "State", "Modified", "NotStarted", "Submitted", "State changed from not started to submitted")]
    [InlineData("RoundItem", "round-item:7", "Commentary", "Modified", "Take-up rose.", "", "Commentary cleared (was “Take-up rose.”)")]
    [InlineData("Indicator", "plan:1:indicator:M3", "RetiredOn", "Modified", null, "03/31/2016", "Measure retired from 31 March 2016")]
    [InlineData("Indicator", "plan:1:indicator:M3", "RetiredOn", "Modified", "03/31/2016", null, "Measure reinstated")]
    [InlineData("Indicator", "plan:1:indicator:M2", "Title", "Modified", "Repeat plans", "Children on a second plan", "Title changed from “Repeat plans” to “Children on a second plan”")]
    [InlineData("Milestone", "plan:1:milestone:OB01a", "Due", "Modified", "2016-03-31", "2016-06-30", "Due date changed from 31 March 2016 to 30 June 2016")]
    [InlineData("Indicator", "plan:1:indicator:M2", "IsKey", "Modified", "False", "True", "Key measure changed from no to yes")]
    [InlineData("IndicatorValue", "indicator:5:2015/16 Q2", "Value", "Added", null, "75", "Value for Quarter 2 2015/16 recorded as 75")]
    [InlineData("RiskAssessment", "risk:CYP-R01:2015/16 Q3", "ResidualLikelihood", "Modified", "4", "3", "Residual likelihood for Quarter 3 2015/16 changed from 4 to 3")]
    [InlineData("RiskControlMeasure", "risk:CYP-R01:control:b", "Due", "Modified", "2016-03-31", "2016-06-30", "Due date of control measure b changed from 31 March 2016 to 30 June 2016")]
    [InlineData("RiskControlUpdate", "risk:CYP-R01:control:b:2015/16 Q2", "Progress", "Added", null, "Amber", "Progress of control measure b for Quarter 2 2015/16 recorded as amber")]
    [InlineData("Risk", "risk:CYP-R01", "State", "Modified", "Open", "Closed", "Status of the risk changed from open to closed")]
    [InlineData("Risk", "risk:CYP-R01", "ReviewDate", "Modified", "12/31/2015", "03/31/2016", "Next review changed from 31 December 2015 to 31 March 2016")]
    [InlineData("EqualityAction", "equality-action:CS-EQ1", "TimetableYears", "Modified", "2007; 2008", "2007; 2008; 2009", "Timetable changed from “2007/08; 2008/09” to “2007/08; 2008/09; 2009/10”")]
    [InlineData("EqualityAction", "equality-action:CS-EQ1", "Strands", "Modified", "Race", "Race; SexualOrientation", "Protected characteristics changed from “race” to “race; sexual orientation”")]
    [InlineData("EqualityActionUpdate", "equality-action:CS-EQ1:2007/08 Q2", "Commentary", "Modified", "Set up", "Set up in all centres", "Commentary for Quarter 2 2007/08 changed from “Set up” to “Set up in all centres”")]
    [InlineData("RoundItem", "round-item:7", "CommentaryApprovedBy", "Modified", null, "tracey.coffey@outturn.example", "Drafted commentary approved by set to “tracey.coffey@outturn.example”")]
    [InlineData("RoundItem", "round-item:7", "FilledFrom", "Modified", null, "Filled from the 2015/16 CIN census, definition v1", "Source of the figure set to “Filled from the 2015/16 CIN census, definition v1”")]
    [InlineData("MonitoringRound", "round:3", "OpensOn", "Modified", "2016-04-01", "2016-04-04", "Opening date changed from 1 April 2016 to 4 April 2016")]
    public void Each_kind_of_change_reads_in_words(string entity, string key, string field, string action, string? old, string? @new, string expected) =>
        Assert.Equal(expected, AuditWords.What(entity, key, field, action, old, @new));

    [Fact]
    public void A_risks_latest_scores_are_left_out_as_they_repeat_its_latest_quarters()
    {
        Assert.True(AuditWords.IsBookkeeping("Risk", "ResidualLikelihood"));
        Assert.False(AuditWords.IsBookkeeping("RiskAssessment", "ResidualLikelihood"));
    }

    [Fact]
    public void Bookkeeping_fields_are_left_out() =>
        Assert.True(AuditWords.IsBookkeeping("RoundItem", "UpdatedAt") && AuditWords.IsBookkeeping("RoundItem", "Version") && !AuditWords.IsBookkeeping("RoundItem", "Value"));
}

/// <summary>The reason given with a change is kept beside it, and the history names the account's holder.</summary>
public abstract class ChangeHistoryTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_change_saved_with_a_reason_reads_back_in_words_with_the_persons_name_and_the_reason()
    {
        await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(PlanFolderBuilder.Write(NewFolder("plan")), false));
        // The test's changes are made as "test-user": give that account a holder with initials, as an officer has.
        await Db(async db =>
        {
            var officer = await db.Officers.SingleAsync(o => o.Name == "Ann Example");
            db.Users.Add(new OutturnUser { UserName = "test-user", Email = "test-user", DisplayName = "Ann Example", OfficerId = officer.Id });
            return await db.SaveChangesAsync();
        });
        var q2 = Period.Quarter(2015, 2);
        var key = await Db(async db =>
        {
            var m1 = await db.Indicators.SingleAsync(i => i.Ref == "M1");
            var value = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == m1.Id && v.Period == q2);
            value.Value = 78;
            await db.Because("checked against the CareFirst extract").SaveChangesAsync();
            // The reason is not carried to the next change.
            value.Status = Domain.Status.ValueStatus.Provisional;
            await db.SaveChangesAsync();
            return $"indicator:{value.IndicatorId}:{q2}";
        });

        var lines = await WithScope(sp => sp.GetRequiredService<ChangeHistory>().ForKeysAsync([key], default));

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Status of the value for Quarter 2 2015/16 changed from final to provisional by Ann Example (AE) on ", lines[0].Sentence);
        Assert.Null(lines[0].Reason);
        Assert.StartsWith("Value for Quarter 2 2015/16 changed from 75 to 78 by Ann Example (AE) on ", lines[1].Sentence);
        Assert.EndsWith(": checked against the CareFirst extract", lines[1].Sentence);
    }
}

public sealed class ChangeHistoryTestsOnSqlite() : ChangeHistoryTests(DatabaseProvider.Sqlite);
public sealed class ChangeHistoryTestsOnPostgres() : ChangeHistoryTests(DatabaseProvider.Postgres);
