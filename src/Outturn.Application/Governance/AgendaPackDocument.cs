using System.Globalization;
using Outturn.Application.Documents;
using Outturn.Domain.Governance;
using Document = Outturn.Application.Documents.Document;

namespace Outturn.Application.Governance;

/// <summary>
/// The agenda pack in the documents feature's model, so that it comes out in Word and PDF exactly as the board
/// documents do: front sheet with membership and the item list with page numbers, then each report on a new page.
/// </summary>
public static class AgendaPackDocument
{
    public static Document Build(AgendaPack pack)
    {
        var blocks = new List<Block>
        {
            new Paragraph("Public Document Pack"),
            new Heading(1, pack.Board),
            new Paragraph(pack.When + (pack.Venue is null ? "" : ", " + pack.Venue)),
        };
        if (pack.SignedBy is not null) blocks.Add(new Paragraph(pack.SignedBy));
        blocks.Add(new Heading(2, "Board membership"));
        blocks.Add(new Table("Members", ["Member", "Detail"], pack.Membership.Select(m => (IReadOnlyList<Cell>)[m.Name, m.Detail ?? ""]).ToList()));
        if (pack.Contact is not null) blocks.Add(new Paragraph(pack.Contact));
        if (pack.NextMeeting is not null) blocks.Add(new Paragraph(pack.NextMeeting));
        Items("Items to be dealt with in the presence of the press and public – Part I", pack.PartI);
        if (pack.PartII.Count > 0) Items("Items from which the press and public are likely to be excluded – Part II", pack.PartII);
        if (pack.CarriedForward.Count > 0)
        {
            blocks.Add(new Heading(2, "Actions carried forward"));
            blocks.Add(new Table("Open actions from earlier meetings", ["Raised", "Action", "Owner", "Deadline", "Status"],
                pack.CarriedForward.Select(a => (IReadOnlyList<Cell>)[
                    a.RaisedOn.ToString("d.M.yy", CultureInfo.InvariantCulture) + (a.ItemNumber is null ? "" : " item " + a.ItemNumber),
                    a.Text, a.Owner, a.DeadlineText ?? "Ongoing", a.Status == ActionStatus.Closed ? "Closed" : a.Overdue ? "Overdue" : "Open"]).ToList()));
        }
        foreach (var i in pack.PartI.Concat(pack.PartII).Where(i => i.HasContent))
        {
            blocks.Add(new PageBreak());
            blocks.Add(new Heading(2, $"{i.Number}. {i.Title}" + (i.Pages.Length > 0 ? $" (pages {i.Pages})" : "")));
            if (i.Report is { } r)
            {
                var fields = new (string, string?)[] { ("REPORT TO:", r.ReportTo), ("DATE:", r.DateText), ("REPORTING OFFICER:", r.ReportingOfficer), ("PORTFOLIO:", r.Portfolio), ("SUBJECT:", r.Subject), ("WARD(S):", r.Wards) };
                blocks.Add(new Table("Report", ["", ""], fields.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => (IReadOnlyList<Cell>)[f.Item1, f.Item2!]).ToList()));
                if (r.Purpose is not null) { blocks.Add(new Heading(3, "Purpose of report")); blocks.Add(new Paragraph(r.Purpose)); }
                if (r.Recommendation is not null) { blocks.Add(new Heading(3, "Recommendation")); blocks.Add(new Paragraph(r.Recommendation)); }
                if (r.Body is not null) blocks.AddRange(r.Body.Split("\n\n").Select(p => new Paragraph(p)));
            }
            foreach (var d in i.Decisions)
            {
                blocks.Add(new Heading(3, $"{d.MinuteNumber} {d.Title}" + (d.IsKeyDecision ? " – KEY DECISION" : "")));
                if (d.Narrative is not null) blocks.Add(new Paragraph(d.Narrative));
                if (d.Reasons is not null) blocks.Add(new Paragraph([new Run("Reason(s) for Decision: ", Bold: true), new Run(d.Reasons)]));
                if (d.AlternativesRejected is not null) blocks.Add(new Paragraph([new Run("Alternative Options Considered and Rejected: ", Bold: true), new Run(d.AlternativesRejected)]));
                if (d.ImplementationDate is { } when) blocks.Add(new Paragraph([new Run("Implementation Date: ", Bold: true), new Run(when.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))]));
                blocks.Add(new Paragraph("RESOLVED: That"));
                blocks.Add(new BulletList(d.Resolved.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList()));
            }
            // The report itself, after its cover sheet, as the council's pack prints it: a new page, then the document whole.
            if (i.Attached is { } attached)
            {
                if (i.Report is not null || i.Decisions.Count > 0) blocks.Add(new PageBreak());
                blocks.AddRange(attached.Blocks);
            }
            else if (i.Withheld is { } why) blocks.Add(new Paragraph(why));
        }
        return new Document($"{pack.Board} – {pack.When}", blocks) { Subject = "Agenda pack" };

        void Items(string heading, IReadOnlyList<PackItem> items)
        {
            blocks.Add(new Heading(2, heading));
            blocks.Add(new Table("Items", ["Item No.", "Page No."],
                items.Select(i => (IReadOnlyList<Cell>)[$"{i.Number} {i.Title}" + (i.StandingText is null ? "" : $" — {i.StandingText}"), i.Pages]).ToList()) { RowHeaders = false });
        }
    }
}

/// <summary>The pack as one Word file; the charts of the reports it takes are drawn as pictures first.</summary>
public sealed class WordAgendaPackWriter(ChartPictures pictures) : IAgendaPackWriter
{
    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public string FileExtension => ".docx";

    public Task WriteAsync(AgendaPack pack, Stream output, CancellationToken ct = default)
    {
        WordRenderer.Render(pictures.WithPictures(AgendaPackDocument.Build(pack)), output);
        return Task.CompletedTask;
    }
}

public sealed class PdfAgendaPackWriter(PdfRenderer pdf) : IAgendaPackWriter
{
    public string ContentType => "application/pdf";
    public string FileExtension => ".pdf";

    public async Task WriteAsync(AgendaPack pack, Stream output, CancellationToken ct = default) =>
        await output.WriteAsync(await pdf.RenderAsync(AgendaPackDocument.Build(pack), ct), ct);
}

/// <summary>The pack writers by format: html (the default), docx, pdf.</summary>
public sealed class AgendaPackWriters(IAgendaPackWriter html, WordAgendaPackWriter word, PdfAgendaPackWriter pdf)
{
    public static readonly string[] Formats = ["html", "docx", "pdf"];

    public IAgendaPackWriter For(string format) => format.ToLowerInvariant() switch
    {
        "docx" => word,
        "pdf" => pdf,
        _ => html,
    };
}
