using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Documents;

public enum OutputFormat { Docx, Pdf, Html }

/// <summary>A document made into a file: its bytes, content type and a file name.</summary>
public sealed record RenderedDocument(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The board documents: the Priority Based report, the committee cover report, the Business Plan and the plan review,
/// built as <see cref="Document"/>s and rendered as Word, PDF or HTML.
/// </summary>
public sealed class BoardReports(OutturnDbContext db, MonitoringQuery monitoring, RoundViews rounds, IReportSectionSource sections, PdfRenderer pdf, ChartPictures pictures, TimeProvider clock, ReportCharts charts)
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The Priority Based report for a plan and quarter. A published round's report comes from its frozen snapshot;
    /// otherwise the live figures are used and the report is marked as a draft (callers decide who may see drafts).
    /// Null when no plan has the ref.
    /// </summary>
    public async Task<Document?> PpbAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var round = await rounds.FindAsync(planRef, period, ct);
        MonitoringReport? report;
        var draft = true;
        if (round?.State == RoundState.Published)
        {
            report = SnapshotJson.Published(round)!;
            draft = false;
        }
        else
        {
            var view = await monitoring.ForPeriodAsync(planRef, period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            if (view is null) return null;
            report = MonitoringReport.From(view);
        }
        return await PpbAsync(report, round, draft, ct);
    }

    /// <summary>The Priority Based report from a monitoring report already chosen by the caller (the app's access rules).</summary>
    public async Task<Document> PpbAsync(MonitoringReport report, MonitoringRound? round, bool isDraft, CancellationToken ct = default)
    {
        var period = Period.Parse(report.Period);
        string? Narrative(NarrativeSection s) => round?.Items.FirstOrDefault(i => i.Kind == ItemKind.Narrative && i.Section == s && i.State == ItemState.Submitted)?.Commentary
                                                 ?? (isDraft ? round?.Items.FirstOrDefault(i => i.Kind == ItemKind.Narrative && i.Section == s)?.Commentary : null);
        var officerIds = round?.Items.Where(i => i.Kind == ItemKind.Narrative && i.AssigneeId is not null).Select(i => i.AssigneeId!.Value).Distinct().ToList() ?? [];
        var initials = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Initials, ct);
        string? AssigneeInitials(NarrativeSection s) =>
            round?.Items.FirstOrDefault(i => i.Kind == ItemKind.Narrative && i.Section == s)?.AssigneeId is { } id ? initials.GetValueOrDefault(id) : null;

        // The key, like the published report's "Key for Operational Directors" (section 8.3), lists the directorate's operational
        // directors as well as every officer whose initials the report uses.
        var organisation = await db.Plans.AsNoTracking().Where(p => p.Ref == report.Plan).Select(p => p.Organisation).SingleOrDefaultAsync(ct);
        var directors = await db.Officers.AsNoTracking()
            .Where(o => o.Initials != null && o.JobTitle != null && o.JobTitle.StartsWith("Operational Director") && o.Organisation == organisation)
            .ToListAsync(ct);
        var used = report.Officers.Select(o => o.Initials).ToHashSet(StringComparer.Ordinal);
        var keyed = report.Officers.Concat(directors.Where(d => !used.Contains(d.Initials!)).Select(d => new OfficerKey(d.Initials!, d.Name, d.JobTitle)))
            .OrderBy(o => o.Initials, StringComparer.Ordinal).ToList();

        var content = new PpbContent(
            report, isDraft,
            NarrativeEntry.Parse(Narrative(NarrativeSection.KeyDevelopments), AssigneeInitials(NarrativeSection.KeyDevelopments)),
            NarrativeEntry.Parse(Narrative(NarrativeSection.EmergingIssues), AssigneeInitials(NarrativeSection.EmergingIssues)),
            // A published report's sections 4.0, 5.0 and 7.0 are those frozen in its snapshot.
            await sections.RiskControlMeasuresAsync(new SectionRequest(report.Plan, period, Narrative(NarrativeSection.RiskControlMeasures), report.Registers), ct),
            await sections.EqualityActionsAsync(new SectionRequest(report.Plan, period, Narrative(NarrativeSection.EqualityActions), report.Registers), ct),
            await sections.FinancialSummariesAsync(new SectionRequest(report.Plan, period, null, report.Registers), ct),
            round?.PublishedAt?.ToString("d MMMM yyyy", Gb), keyed, await ChartsAsync(report, ct));
        return PpbDocument.Build(content);
    }

    /// <summary>A small trend chart for each key measure that has figures by year to draw, each with its table.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Block>>> ChartsAsync(MonitoringReport report, CancellationToken ct) =>
        (await charts.FiguresAsync(report, ct)).ToDictionary(f => f.Ref, Benchmarks.TrendChart.Blocks, StringComparer.Ordinal);

    public async Task<RenderedDocument> RenderAsync(Document document, OutputFormat format, string baseName, CancellationToken ct = default)
    {
        using var work = OutturnTelemetry.Document(DocumentKind(baseName), format.ToString().ToLowerInvariant());
        var rendered = await RenderDocumentAsync(document, format, baseName, ct);
        work.Succeeded();
        return rendered;
    }

    /// <summary>The kind of document for telemetry: the last word of the file's base name (ppb, cover, business-plan…), never its plan or period.</summary>
    private static string DocumentKind(string baseName) =>
        baseName.EndsWith("-draft", StringComparison.Ordinal) ? DocumentKind(baseName[..^6]) : baseName[(baseName.LastIndexOf('-') + 1)..];

    private async Task<RenderedDocument> RenderDocumentAsync(Document document, OutputFormat format, string baseName, CancellationToken ct) => format switch
    {
        // Word needs no browser: its chart pictures are drawn from the same SVG by ChartPictures.
        OutputFormat.Docx => new(WordRenderer.Render(pictures.WithPictures(document)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", baseName + ".docx"),
        OutputFormat.Pdf => new(await pdf.RenderAsync(document, ct), "application/pdf", baseName + ".pdf"),
        _ => new(System.Text.Encoding.UTF8.GetBytes(HtmlRenderer.RenderPage(document)), "text/html; charset=utf-8", baseName + ".html"),
    };

    public static bool TryParseFormat(string? s, out OutputFormat format)
    {
        format = (s ?? "").Trim().ToLowerInvariant() switch { "docx" => OutputFormat.Docx, "pdf" => OutputFormat.Pdf, "html" => OutputFormat.Html, _ => (OutputFormat)(-1) };
        return Enum.IsDefined(format);
    }
}

public static class DocumentsRegistration
{
    public static IServiceCollection AddOutturnDocuments(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddSingleton(_ => PdfRenderer.From(configuration));
        services.AddSingleton(_ => ChartPictures.From(configuration));
        services.AddScoped<IReportSectionSource, RegisterReportSections>();
        services.AddScoped<BoardReports>();
        services.AddScoped<ReportCharts>();
        services.AddScoped<KeptDocuments>();
        services.AddScoped<CoverReports>();
        services.AddScoped<DocumentContent>();
        return services;
    }
}
