using System.Net;
using System.Text;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

public sealed record PackMember(string Name, string? Detail);

/// <summary>
/// An item of the pack: its cover sheet (<see cref="Report"/>), decisions, and the report it takes among those Outturn
/// holds (<see cref="Linked"/>), which <see cref="AgendaPackReports"/> fills in as <see cref="Attached"/> for the
/// documents, or explains in <see cref="Withheld"/> when this reader may not have it yet.
/// </summary>
public sealed record PackItem(string Number, string Title, string? ParentNumber, bool IsExempt, string? StandingText, string Pages, CoverReport? Report, IReadOnlyList<Decision> Decisions,
    PackReport? Linked = null, Documents.Document? Attached = null, string? Withheld = null)
{
    public bool HasContent => Report is not null || Decisions.Count > 0 || Linked is not null;
}

/// <summary>The content of an agenda pack; Part II is empty in any pack made for the public.</summary>
public sealed record AgendaPack(
    string Board, string When, string? Venue, string? SignedBy, string? Contact, string? NextMeeting,
    IReadOnlyList<PackMember> Membership, IReadOnlyList<PackItem> PartI, IReadOnlyList<PackItem> PartII, IReadOnlyList<ActionLine> CarriedForward);

/// <summary>
/// Writes an agenda pack as one document. The HTML writer ships now; a Word or PDF renderer (the documents
/// feature's generator) plugs in by implementing this interface.
/// </summary>
public interface IAgendaPackWriter
{
    string ContentType { get; }
    string FileExtension { get; }
    Task WriteAsync(AgendaPack pack, Stream output, CancellationToken ct = default);
}

/// <summary>A standalone, printable HTML agenda pack: each report starts on a new page when printed.</summary>
public sealed class HtmlAgendaPackWriter : IAgendaPackWriter
{
    public string ContentType => "text/html; charset=utf-8";
    public string FileExtension => ".html";

    public async Task WriteAsync(AgendaPack pack, Stream output, CancellationToken ct = default)
    {
        var html = Render(pack);
        await output.WriteAsync(Encoding.UTF8.GetBytes(html), ct);
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Render(AgendaPack pack)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(pack.Board)).Append(" – ").Append(E(pack.When)).Append("</title>");
        b.Append("<style>body{font-family:Arial,sans-serif;max-width:50em;margin:2em auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25em;border-bottom:1px solid #ccc}.report{page-break-before:always;break-before:page}</style></head><body>");
        b.Append("<p>Public Document Pack</p><h1>").Append(E(pack.Board)).Append("</h1><p>").Append(E(pack.When));
        if (pack.Venue is not null) b.Append("<br>").Append(E(pack.Venue));
        b.Append("</p>");
        if (pack.SignedBy is not null) b.Append("<p>").Append(E(pack.SignedBy)).Append("</p>");
        b.Append("<h2>Board membership</h2><table><caption>Members</caption><tbody>");
        foreach (var m in pack.Membership) b.Append("<tr><th scope=\"row\">").Append(E(m.Name)).Append("</th><td>").Append(E(m.Detail)).Append("</td></tr>");
        b.Append("</tbody></table>");
        if (pack.Contact is not null) b.Append("<p>").Append(E(pack.Contact)).Append("</p>");
        if (pack.NextMeeting is not null) b.Append("<p>").Append(E(pack.NextMeeting)).Append("</p>");
        void Items(string heading, IReadOnlyList<PackItem> items)
        {
            b.Append("<h2>").Append(E(heading)).Append("</h2><table><caption>Items</caption><thead><tr><th scope=\"col\">Item No.</th><th scope=\"col\">Page No.</th></tr></thead><tbody>");
            foreach (var i in items)
            {
                b.Append("<tr><td>").Append(E(i.Number)).Append(' ').Append(E(i.Title));
                if (i.StandingText is not null) b.Append("<br><small>").Append(E(i.StandingText)).Append("</small>");
                b.Append("</td><td>").Append(E(i.Pages)).Append("</td></tr>");
            }
            b.Append("</tbody></table>");
        }
        Items("Items to be dealt with in the presence of the press and public – Part I", pack.PartI);
        if (pack.PartII.Count > 0) Items("Items from which the press and public are likely to be excluded – Part II", pack.PartII);
        if (pack.CarriedForward.Count > 0)
        {
            b.Append("<h2>Actions carried forward</h2><table><caption>Open actions from earlier meetings</caption><thead><tr><th scope=\"col\">Raised</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Deadline</th><th scope=\"col\">Status</th></tr></thead><tbody>");
            foreach (var a in pack.CarriedForward)
                b.Append("<tr><td>").Append(a.RaisedOn.ToString("d.M.yy", System.Globalization.CultureInfo.InvariantCulture)).Append(a.ItemNumber is null ? "" : " item " + E(a.ItemNumber))
                    .Append("</td><td>").Append(E(a.Text)).Append("</td><td>").Append(E(a.Owner)).Append("</td><td>").Append(E(a.DeadlineText ?? "Ongoing"))
                    .Append("</td><td>").Append(a.Status == ActionStatus.Closed ? "Closed" : a.Overdue ? "Overdue" : "Open").Append("</td></tr>");
            b.Append("</tbody></table>");
        }
        foreach (var i in pack.PartI.Concat(pack.PartII).Where(i => i.HasContent))
        {
            b.Append("<section class=\"report\"><h2>").Append(E(i.Number)).Append(". ").Append(E(i.Title)).Append(i.Pages.Length > 0 ? $" (pages {E(i.Pages)})" : "").Append("</h2>");
            if (i.Report is { } r)
            {
                b.Append("<dl>");
                void Row(string k, string? v) { if (!string.IsNullOrWhiteSpace(v)) b.Append("<dt>").Append(k).Append("</dt><dd>").Append(E(v)).Append("</dd>"); }
                Row("REPORT TO:", r.ReportTo); Row("DATE:", r.DateText); Row("REPORTING OFFICER:", r.ReportingOfficer); Row("PORTFOLIO:", r.Portfolio); Row("SUBJECT:", r.Subject); Row("WARD(S):", r.Wards);
                b.Append("</dl>");
                if (r.Purpose is not null) b.Append("<h3>Purpose of report</h3><p>").Append(E(r.Purpose)).Append("</p>");
                if (r.Recommendation is not null) b.Append("<h3>Recommendation</h3><p>").Append(E(r.Recommendation)).Append("</p>");
                if (r.Body is not null) foreach (var para in r.Body.Split("\n\n")) b.Append("<p>").Append(E(para)).Append("</p>");
            }
            foreach (var d in i.Decisions)
            {
                b.Append("<h3>").Append(E(d.MinuteNumber)).Append(' ').Append(E(d.Title)).Append(d.IsKeyDecision ? " – KEY DECISION" : "").Append("</h3>");
                if (d.Narrative is not null) b.Append("<p>").Append(E(d.Narrative)).Append("</p>");
                if (d.Reasons is not null) b.Append("<h4>Reason(s) for Decision</h4><p>").Append(E(d.Reasons)).Append("</p>");
                if (d.AlternativesRejected is not null) b.Append("<h4>Alternative Options Considered and Rejected</h4><p>").Append(E(d.AlternativesRejected)).Append("</p>");
                if (d.ImplementationDate is { } when) b.Append("<h4>Implementation Date</h4><p>").Append(when.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).Append("</p>");
                b.Append("<p>RESOLVED: That</p><ol>");
                foreach (var line in d.Resolved.Split('\n', StringSplitOptions.RemoveEmptyEntries)) b.Append("<li>").Append(E(line.Trim())).Append("</li>");
                b.Append("</ol>");
            }
            if (i.Attached is { } attached) b.Append("<div class=\"report\">").Append(Documents.HtmlRenderer.RenderFragment(attached)).Append("</div>");
            else if (i.Withheld is { } why) b.Append("<p>").Append(E(why)).Append("</p>");
            b.Append("</section>");
        }
        b.Append("</body></html>");
        return b.ToString();
    }
}
