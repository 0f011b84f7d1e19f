using System.Text;

namespace Outturn.Domain.Returns;

/// <summary>A field of an Annex A list, with the headings authorities are known to give it.</summary>
public sealed record AnnexAField(string Name, FieldType Type, bool Required, params string[] Headings);

/// <summary>One of Ofsted's Annex A lists (1 contacts … 11 adopters).</summary>
public sealed record AnnexAList(int Number, string Title, IReadOnlyList<AnnexAField> Fields);

/// <summary>How a heading was matched to a field: exactly (after normalising), by containing a known heading, or by word overlap.</summary>
public sealed record HeadingMatch(string Heading, string? Field, string How);

/// <summary>
/// Ofsted's Annex A (the child-level lists an authority gives inspectors). Column headings vary between authorities
/// and years, so each field carries the headings seen for it and headings are matched tolerantly (see
/// <see cref="Match"/>); every match, and every heading left unmatched, is reported.
/// </summary>
public static class AnnexASpec
{
    private static AnnexAField Id() => new("ChildId", FieldType.Text, true, "child unique id", "child id", "unique id", "child identifier", "la child id", "lachildid", "id", "child reference", "case reference", "person id");
    private static AnnexAField Gender() => new("Gender", FieldType.Text, false, "gender", "sex");
    private static AnnexAField Ethnicity() => new("Ethnicity", FieldType.Text, false, "ethnicity", "ethnic origin", "ethnic group");
    private static AnnexAField Dob() => new("DateOfBirth", FieldType.Date, false, "date of birth", "dob", "birth date");
    private static AnnexAField Age() => new("Age", FieldType.Text, false, "age", "age of child", "age at");
    private static AnnexAField Disability() => new("Disability", FieldType.Text, false, "disability", "has disability");

    public static readonly IReadOnlyList<AnnexAList> Lists =
    [
        new(1, "Contacts", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("ContactDate", FieldType.Date, true, "date of contact", "contact date", "date contact received"),
            new("ContactSource", FieldType.Text, false, "contact source", "source of contact")]),
        new(2, "Early help", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("StartDate", FieldType.Date, false, "early help assessment start date", "assessment start date", "date early help started", "start date"),
            new("EndDate", FieldType.Date, false, "early help assessment completion date", "assessment completion date", "end date", "date early help ended")]),
        new(3, "Referrals", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("ReferralDate", FieldType.Date, true, "date of referral", "referral date", "referral received date"),
            new("ReferralSource", FieldType.Text, false, "referral source", "source of referral"),
            new("ReReferral", FieldType.Text, false, "referral within 12 months of a previous referral", "re referral", "rereferral", "repeat referral"),
            new("ReferralNfa", FieldType.Text, false, "referral nfa", "no further action", "referral resulting in nfa")]),
        new(4, "Assessments", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("StartDate", FieldType.Date, true, "assessment start date", "continuous assessment start date", "date assessment started", "start date"),
            new("AuthorisationDate", FieldType.Date, false, "assessment completion date", "date assessment authorised", "assessment authorised date", "authorisation date", "completion date", "date assessment completed")]),
        new(5, "Section 47 enquiries and ICPCs", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("S47Date", FieldType.Date, true, "strategy discussion initiating section 47 enquiry date", "section 47 start date", "date of s47", "s47 start date", "date section 47 enquiry started"),
            new("IcpcDate", FieldType.Date, false, "date of initial child protection conference", "icpc date", "initial child protection conference date", "date of icpc")]),
        new(6, "Children in need", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("CinStartDate", FieldType.Date, false, "cin start date", "date child in need episode started", "referral date", "start date"),
            new("PrimaryNeed", FieldType.Text, false, "primary need code", "primary need", "category of need")]),
        new(7, "Child protection", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("CppStartDate", FieldType.Date, true, "child protection plan start date", "cp plan start date", "cpp start date", "date child protection plan started", "plan start date"),
            new("CppEndDate", FieldType.Date, false, "child protection plan end date", "cp plan end date", "cpp end date", "plan end date"),
            new("Category", FieldType.Text, false, "category of abuse", "initial category of abuse", "latest category of abuse"),
            new("PreviousPlans", FieldType.Text, false, "number of previous child protection plans", "previous cp plans", "number of previous cpp")]),
        new(8, "Children in care", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("CareStartDate", FieldType.Date, true, "date started to be looked after", "date period of care commenced", "date became looked after", "care start date", "date started care"),
            new("LegalStatus", FieldType.Text, false, "legal status"),
            new("PlacementType", FieldType.Text, false, "placement type", "type of placement"),
            new("PlacementStartDate", FieldType.Date, false, "placement start date", "date of current placement", "date placement started"),
            new("Placements", FieldType.Text, false, "number of placements in the last 12 months", "number of placements", "placement moves")]),
        new(9, "Care leavers", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("InTouch", FieldType.Text, false, "in touch", "is the la in touch", "contact status"),
            new("Activity", FieldType.Text, false, "main activity", "activity", "education employment or training"),
            new("Accommodation", FieldType.Text, false, "accommodation type", "accommodation", "type of accommodation", "accommodation suitability")]),
        new(10, "Adoption", [Id(), Gender(), Ethnicity(), Dob(), Age(), Disability(),
            new("CareStartDate", FieldType.Date, false, "date started to be looked after", "date period of care commenced"),
            new("DecisionDate", FieldType.Date, false, "date of decision that child should be placed for adoption", "adm decision date", "should be placed for adoption date"),
            new("PlacementOrderDate", FieldType.Date, false, "date of placement order", "placement order date"),
            new("MatchedDate", FieldType.Date, false, "date matched", "date of matching", "matching date"),
            new("PlacedDate", FieldType.Date, false, "date placed for adoption", "date placed", "adoption placement date")]),
        new(11, "Adopters", [Id(),
            new("EnquiryDate", FieldType.Date, false, "date of initial enquiry", "enquiry date"),
            new("ApplicationDate", FieldType.Date, false, "date registration of interest received", "application date", "date of application"),
            new("ApprovalDate", FieldType.Date, false, "date approved", "approval date")]),
    ];

    private static readonly HashSet<string> StopWords = ["the", "of", "a", "an", "to", "in", "for", "is", "was", "on", "at", "by", "child", "s"];

    /// <summary>Lower case, letters and digits only, single spaces: "Child's Unique ID " → "child s unique id".</summary>
    public static string Normalise(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.ToLowerInvariant()) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static HashSet<string> Words(string normalised) => normalised.Split(' ').Where(w => !StopWords.Contains(w)).ToHashSet();

    /// <summary>
    /// Matches a list's headings to its fields: first an exact match with a known heading (after normalising), then a
    /// heading that contains a known heading of two or more words, then the best word overlap (Jaccard ≥ 0.6). A field
    /// is given to one heading only, the first; later candidates are reported unmatched.
    /// </summary>
    public static IReadOnlyList<HeadingMatch> Match(AnnexAList list, IReadOnlyList<string> headings)
    {
        var result = new HeadingMatch?[headings.Count];
        var taken = new HashSet<string>();
        var normalised = headings.Select(Normalise).ToArray();
        void Pass(string how, Func<string, AnnexAField, bool> test)
        {
            for (var i = 0; i < headings.Count; i++)
            {
                if (result[i] is not null || normalised[i].Length == 0) continue;
                var field = list.Fields.FirstOrDefault(f => !taken.Contains(f.Name) && test(normalised[i], f));
                if (field is null) continue;
                taken.Add(field.Name);
                result[i] = new(headings[i], field.Name, how);
            }
        }
        Pass("exact", (h, f) => f.Headings.Contains(h));
        Pass("contains", (h, f) => f.Headings.Any(k => k.Contains(' ') && (" " + h + " ").Contains(" " + k + " ", StringComparison.Ordinal)));
        Pass("similar", (h, f) => f.Headings.Any(k =>
        {
            var (a, b) = (Words(h), Words(k));
            var union = a.Union(b).Count();
            return union > 0 && (double)a.Intersect(b).Count() / union >= 0.6;
        }));
        return result.Select((m, i) => m ?? new HeadingMatch(headings[i], null, "unmatched")).ToList();
    }

    /// <summary>The list a sheet holds, from its name or title ("List 3", "L3 Referrals", "3. Referrals").</summary>
    public static AnnexAList? Identify(string sheetName)
    {
        var n = Normalise(sheetName);
        var words = n.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.StartsWith('l') && int.TryParse(w.AsSpan(1), out var a) && Lists.FirstOrDefault(l => l.Number == a) is { } byCode) return byCode;
            if (w == "list" && i + 1 < words.Length && int.TryParse(words[i + 1], out var b) && Lists.FirstOrDefault(l => l.Number == b) is { } byList) return byList;
        }
        if (words.Length > 0 && int.TryParse(words[0], out var c) && Lists.FirstOrDefault(l => l.Number == c) is { } byNumber) return byNumber;
        return Lists.FirstOrDefault(l => n.Contains(Normalise(l.Title), StringComparison.Ordinal));
    }
}
