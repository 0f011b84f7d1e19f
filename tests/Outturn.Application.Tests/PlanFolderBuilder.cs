namespace Outturn.Application.Tests;

/// <summary>Writes a small, valid plan folder that a test can then spoil one file of.</summary>
public static class PlanFolderBuilder
{
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>
    {
        ["plan.csv"] = "ref,title,kind,first_year,last_year\nTEST-1,Test plan,business-plan,2015/16,2016/17\n",
        ["officers.csv"] = "name,initials,job_title,organisation\nAnn Example,AE,Operational Director,Test Council\n",
        ["objectives.csv"] = "ref,title,priority,officer\nOB01,Keep children safe,Safeguarding,Ann Example\nOB02,Improve attainment,Achievement,Bob Example\n",
        ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,\"Review the front door, by March 2016\",2015/16,2016-03-31,\nOB02a,OB02,Publish the strategy,2015/16,,Ann Example\n",
        ["indicators.csv"] =
            "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\n" +
            "M1,Assessments in 45 days,OB01,higher,%,0,quarterly,snapshot,,yes\n" +
            "M2,Repeat plans,OB01,lower,%,1,quarterly,snapshot,2,no\n" +
            "M3,Referrals,OB02,none,,0,quarterly,cumulative,,no\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,95\nM2,2015/16,10\nM3,2015/16,tbc\n",
        ["values.csv"] =
            "indicator,period,value,status,note\n" +
            "M1,2015/16 Q2,75,final,\nM1,2014/15 Q2,80,final,\nM1,2014/15,81,final,\n" +
            "M2,2015/16 Q2,11.5,provisional,\nM2,2014/15 Q2,11.5,final,\n" +
            "M3,2015/16 Q2,,unavailable,Available at end of Quarter 3\n",
    };

    public static string Write(string folder, IReadOnlyDictionary<string, string>? replace = null)
    {
        foreach (var (file, text) in Valid) File.WriteAllText(Path.Combine(folder, file), text);
        foreach (var (file, text) in replace ?? new Dictionary<string, string>()) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }
}
