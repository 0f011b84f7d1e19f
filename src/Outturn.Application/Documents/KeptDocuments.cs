using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Application.Data;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Documents;

/// <summary>
/// A document of a published round (its Priority Based report as Word, PDF or HTML) as first made after publication,
/// kept so that it is made once, and so that what readers downloaded stays on record.
/// </summary>
public sealed class PublishedDocument
{
    public int Id { get; private set; }
    public int RoundId { get; private set; }
    /// <summary>Which document: "ppb" for the Priority Based report.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>docx, pdf or html.</summary>
    public string Format { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string ContentType { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public DateTimeOffset MadeAt { get; private set; }

    public PublishedDocument(int roundId, string kind, string format, RenderedDocument document, DateTimeOffset madeAt)
    {
        RoundId = roundId;
        Kind = kind;
        Format = format;
        Content = document.Content;
        ContentType = document.ContentType;
        FileName = document.FileName;
        MadeAt = madeAt;
    }

    private PublishedDocument() { }
}

internal sealed class PublishedDocumentMapping : IEntityTypeConfiguration<PublishedDocument>
{
    public void Configure(EntityTypeBuilder<PublishedDocument> e)
    {
        e.ToTable("PublishedDocuments");
        e.Property(d => d.Kind).HasMaxLength(32);
        e.Property(d => d.Format).HasMaxLength(8);
        e.Property(d => d.ContentType).HasMaxLength(128);
        e.Property(d => d.FileName).HasMaxLength(256);
        e.HasOne<MonitoringRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(d => new { d.RoundId, d.Kind, d.Format }).IsUnique();
    }
}

/// <summary>Makes a published round's document the first time it is asked for and keeps it; later requests, at any instance, read the kept one.</summary>
public sealed class KeptDocuments(OutturnDbContext db, TimeProvider clock)
{
    public async Task<RenderedDocument> GetOrMakeAsync(MonitoringRound round, string kind, OutputFormat format, Func<Task<RenderedDocument>> make, CancellationToken ct = default)
    {
        if (round.State != RoundState.Published)
            throw new InvalidOperationException($"Only a published round's documents are kept; round {round.Id} is {MonitoringRound.Describe(round.State)}.");
        var name = format.ToString().ToLowerInvariant();
        if (await FindAsync(round.Id, kind, name, ct) is { } kept) return kept;
        var made = await make();
        var record = new PublishedDocument(round.Id, kind, name, made, clock.GetUtcNow());
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException)
        {
            // Another instance kept the same document first: serve the one kept, so that everyone gets the same file.
            db.Entry(record).State = EntityState.Detached;
            return await FindAsync(round.Id, kind, name, ct) ?? made;
        }
    }

    private async Task<RenderedDocument?> FindAsync(int roundId, string kind, string format, CancellationToken ct) =>
        await db.Set<PublishedDocument>().AsNoTracking()
            .Where(d => d.RoundId == roundId && d.Kind == kind && d.Format == format)
            .Select(d => new RenderedDocument(d.Content, d.ContentType, d.FileName))
            .SingleOrDefaultAsync(ct);
}
