using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain;
using Outturn.Domain.Equality;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;
using Outturn.Domain.Risks;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Organisations;

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("Organisations");
        e.HasIndex(o => o.Ref).IsUnique();
        e.Property(o => o.Ref).HasMaxLength(64);
        e.Property(o => o.Name).HasMaxLength(200);
        e.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Items that belong to an organisation. The link is optional (a plan imported before its organisation was set up).</summary>
internal sealed class OrganisationLinks :
    IEntityTypeConfiguration<Plan>, IEntityTypeConfiguration<Officer>, IEntityTypeConfiguration<Objective>, IEntityTypeConfiguration<Milestone>,
    IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<Risk>, IEntityTypeConfiguration<EqualityAction>, IEntityTypeConfiguration<OutturnUser>
{
    public void Configure(EntityTypeBuilder<Plan> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<Officer> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<Objective> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<Milestone> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<Indicator> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<Risk> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<EqualityAction> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    public void Configure(EntityTypeBuilder<OutturnUser> e) => e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
}

/// <summary>Who owns a round's items: the plan's organisation and each item's (see <see cref="OrganisationService.OwnersAsync"/>).</summary>
/// <remarks>
/// The owner is worked out from the item itself (its measure or milestone), not looked up among the round's loaded
/// items, so an item read on its own is judged exactly as it is inside its round.
/// </remarks>
public sealed record RoundOwners(int? Plan, IReadOnlyDictionary<int, int?> Indicators, IReadOnlyDictionary<int, int?> Milestones)
{
    public int? Of(RoundItem item) => item switch
    {
        { IndicatorId: { } ind } => Indicators.GetValueOrDefault(ind) ?? Plan,
        { MilestoneId: { } mil } => Milestones.GetValueOrDefault(mil) ?? Plan,
        _ => Plan,
    };

    /// <summary>
    /// Whether <paramref name="viewer"/> may see the item's figure, commentary and history: anyone once the round is
    /// published; before that <see cref="Viewer.CanSeeDraftItem"/>, the one rule for draft items.
    /// </summary>
    public bool MaySee(Viewer viewer, MonitoringRound round, RoundItem item, int? viewersOfficerId) =>
        round.State == RoundState.Published
        || viewer.CanSeeDraftItem(round.State, Plan, Of(item), item.AssigneeId is not null && item.AssigneeId == viewersOfficerId);
}

/// <summary>One line of the organisation list: the organisation and how deep it sits.</summary>
public sealed record OrganisationRow(Organisation Organisation, int Depth, string? ParentRef);

public sealed record OrganisationImportResult(bool Succeeded, IReadOnlyList<string> Errors, int Added, int Changed);

/// <summary>Lists, creates, edits and imports organisations; every change goes through the domain's placement rules.</summary>
public sealed class OrganisationService(OutturnDbContext db)
{
    public const string File = "organisations.csv";

    /// <summary>Every organisation, each followed by those beneath it (the council's tree first, then partners by name).</summary>
    public async Task<IReadOnlyList<OrganisationRow>> ListAsync(CancellationToken ct = default)
    {
        var all = await db.Set<Organisation>().AsNoTracking().ToListAsync(ct);
        var byParent = all.ToLookup(o => o.ParentId);
        var byId = all.ToDictionary(o => o.Id);
        var rows = new List<OrganisationRow>();
        void Walk(Organisation o, int depth)
        {
            rows.Add(new OrganisationRow(o, depth, o.ParentId is { } p ? byId[p].Ref : null));
            foreach (var child in byParent[o.Id].OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)) Walk(child, depth + 1);
        }
        foreach (var top in byParent[null].OrderBy(o => o.Kind == OrganisationKind.Council ? 0 : 1).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)) Walk(top, 0);
        return rows;
    }

    /// <summary>The ids of an organisation and all beneath it: what a contributor of that organisation may work on.</summary>
    public async Task<IReadOnlySet<int>> SelfAndDescendantsAsync(int organisationId, CancellationToken ct = default)
    {
        var all = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(ct);
        return Organisation.SelfAndDescendants(organisationId, all.Select(o => (o.Id, o.ParentId)));
    }

    /// <summary>
    /// The organisations an account of <paramref name="organisationId"/> works on (it and every one beneath it), and
    /// whether it is a partner agency or within one (the top of its tree is a partner). No organisation: none, not a partner.
    /// </summary>
    public async Task<(IReadOnlySet<int> Organisations, bool IsPartner)> ScopeAsync(int? organisationId, CancellationToken ct = default)
    {
        if (organisationId is not { } id) return (new HashSet<int>(), false);
        var all = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.ParentId, o.Kind }).ToListAsync(ct);
        var byId = all.ToDictionary(o => o.Id);
        if (!byId.TryGetValue(id, out var top)) return (new HashSet<int>(), false);
        for (var steps = 0; top.ParentId is { } parent && byId.ContainsKey(parent) && steps < all.Count; steps++) top = byId[parent];
        return (await SelfAndDescendantsAsync(id, ct), top.Kind.IsPartner());
    }

    /// <summary>
    /// Which organisation owns each item of a round: a measure's or milestone's own organisation, failing that the
    /// plan's; the report's sections are the plan's.
    /// </summary>
    public async Task<RoundOwners> OwnersAsync(MonitoringRound round, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == round.PlanId).Select(p => p.OrganisationId).SingleOrDefaultAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == round.PlanId).ToDictionaryAsync(i => i.Id, i => i.OrganisationId, ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == round.PlanId).ToDictionaryAsync(m => m.Id, m => m.OrganisationId, ct);
        return new RoundOwners(plan, indicators, milestones);
    }

    /// <summary>The organisation that owns a plan (null: not yet placed, so the council's).</summary>
    public Task<int?> PlanOwnerAsync(string planRef, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().Where(p => p.Ref == planRef).Select(p => p.OrganisationId).FirstOrDefaultAsync(ct);

    /// <summary>Creates (when <paramref name="id"/> is null) or changes one organisation. Returns the errors, none on success.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(int? id, string reference, string name, string kindWord, string? parentRef, CancellationToken ct = default)
    {
        var all = await db.Set<Organisation>().ToListAsync(ct); // loads every parent, so cycles can be seen
        var errors = new List<string>();
        if (!OrganisationKinds.ByWord.TryGetValue(kindWord?.Trim() ?? "", out var kind)) errors.Add($"Choose what kind of organisation it is: {KindList}.");
        Organisation? parent = null;
        if (!string.IsNullOrWhiteSpace(parentRef) && (parent = all.SingleOrDefault(o => o.Ref == parentRef.Trim())) is null)
            errors.Add($"There is no organisation with the reference {parentRef.Trim()}.");
        var existing = id is null ? null : all.SingleOrDefault(o => o.Id == id);
        if (id is not null && existing is null) errors.Add("That organisation does not exist.");
        if (id is null && all.Any(o => o.Ref.Equals(reference?.Trim(), StringComparison.OrdinalIgnoreCase)))
            errors.Add($"An organisation with the reference {reference!.Trim()} already exists.");
        if (errors.Count > 0) return errors;
        try
        {
            if (existing is null) db.Add(new Organisation(reference ?? "", name, kind, parent));
            else existing.Change(name, kind, parent);
        }
        catch (DomainException ex)
        {
            return [ex.Message];
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static string KindList => string.Join(", ", OrganisationKinds.ByWord.Keys);

    /// <summary>
    /// Merges <c>ref,name,kind,parent</c> rows by reference: new references are added, known ones changed, and
    /// organisations not in the file are left as they are. Any error and nothing is changed.
    /// </summary>
    public async Task<OrganisationImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var fileName = Path.GetFileName(path);
        var rows = CsvTable.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, fileName, ["ref", "name", "kind"], ["parent"], fileRequired: true, errors);
        if (rows is null || errors.Count > 0) return new(false, errors, 0, 0);
        if (rows.Count > 10_000) return new(false, [$"{fileName}: {rows.Count} rows; an organisation file has at most 10,000."], 0, 0);

        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var stored = await db.Set<Organisation>().ToDictionaryAsync(o => o.Ref, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, CsvRow>(StringComparer.OrdinalIgnoreCase);
        var inFile = rows.Select(x => x["ref"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(CsvRow Row, OrganisationKind Kind)>();
        foreach (var r in rows)
        {
            var ok = true;
            void Error(string column, string message) { errors.Add($"{r.Where}: column {column}: {message}"); ok = false; }
            if (r["ref"].Length == 0) Error("ref", "empty; every organisation needs a reference.");
            else if (r["ref"].Length > 64) Error("ref", "longer than 64 characters.");
            else if (seen.TryGetValue(r["ref"], out var first)) Error("ref", $"{r["ref"]} appears again (first on line {first.Line}).");
            else seen[r["ref"]] = r;
            if (r["name"].Length == 0) Error("name", "empty; every organisation needs a name.");
            else if (r["name"].Length > 200) Error("name", "longer than 200 characters.");
            if (!OrganisationKinds.ByWord.TryGetValue(r["kind"], out var kind)) Error("kind", $"\"{Truncate(r["kind"])}\" is not a kind; expected one of {KindList}.");
            if (r.Optional("parent") is { } p && !stored.ContainsKey(p) && !inFile.Contains(p))
                Error("parent", $"no organisation has the reference \"{Truncate(p)}\", in the file or already stored.");
            if (r.Optional("parent") is { } self && self.Equals(r["ref"], StringComparison.OrdinalIgnoreCase)) Error("parent", "an organisation cannot be its own parent.");
            if (ok) parsed.Add((r, kind));
        }
        if (errors.Count > 0) return new(false, errors, 0, 0);

        // Place each organisation once its parent is in its final place, so the domain's cycle check sees the new tree.
        var added = 0;
        var changed = 0;
        var pending = parsed.ToList();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var ready = pending.Where(p => p.Row.Optional("parent") is not { } parent || !seen.ContainsKey(parent) || placed.Contains(parent)).ToList();
            if (ready.Count == 0)
            {
                foreach (var (row, _) in pending)
                    errors.Add($"{row.Where}: column parent: placing {row["ref"]} under {row["parent"]} makes a circle (each is within the other).");
                break;
            }
            foreach (var (row, kind) in ready)
            {
                pending.Remove((row, kind));
                placed.Add(row["ref"]);
                var parent = row.Optional("parent") is { } p ? stored[p] : null;
                try
                {
                    if (stored.TryGetValue(row["ref"], out var existing))
                    {
                        if (existing.Name != row["name"] || existing.Kind != kind || !ReferenceEquals(existing.Parent, parent) && existing.ParentId != parent?.Id) changed++;
                        existing.Change(row["name"], kind, parent);
                    }
                    else
                    {
                        var created = new Organisation(row["ref"], row["name"], kind, parent);
                        db.Add(created);
                        stored[created.Ref] = created;
                        added++;
                    }
                }
                catch (DomainException ex)
                {
                    errors.Add($"{row.Where}: column {(ex.Message.Contains("parent") || ex.Message.Contains("within") ? "parent" : "kind")}: {ex.Message}");
                }
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing half-placed may be saved later in this scope
            return new(false, errors, 0, 0);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(true, [], added, changed);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
