namespace Outturn.Domain.Organisations;

/// <summary>
/// What an organisation is in the partnership: the council and its directorates and departments (services), or a
/// partner agency (NHS, police, education, voluntary, other) and its teams.
/// </summary>
public enum OrganisationKind { Council, Directorate, Department, Nhs, Police, Education, Voluntary, Other, Team }

public static class OrganisationKinds
{
    /// <summary>The words of the <c>kind</c> column; "service" is another word for a council department.</summary>
    public static readonly IReadOnlyDictionary<string, OrganisationKind> ByWord = new Dictionary<string, OrganisationKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["council"] = OrganisationKind.Council,
        ["directorate"] = OrganisationKind.Directorate,
        ["department"] = OrganisationKind.Department,
        ["service"] = OrganisationKind.Department,
        ["nhs"] = OrganisationKind.Nhs,
        ["police"] = OrganisationKind.Police,
        ["education"] = OrganisationKind.Education,
        ["voluntary"] = OrganisationKind.Voluntary,
        ["other"] = OrganisationKind.Other,
        ["team"] = OrganisationKind.Team,
    };

    public static string ToWord(this OrganisationKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToWords(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Council => "Council",
        OrganisationKind.Directorate => "Directorate",
        OrganisationKind.Department => "Department or service",
        OrganisationKind.Nhs => "NHS partner",
        OrganisationKind.Police => "Police partner",
        OrganisationKind.Education => "Education partner",
        OrganisationKind.Voluntary => "Voluntary sector partner",
        OrganisationKind.Other => "Other partner",
        _ => "Team",
    };

    /// <summary>A partner agency: an organisation of its own beside the council, at the top of its own tree.</summary>
    public static bool IsPartner(this OrganisationKind kind) =>
        kind is OrganisationKind.Nhs or OrganisationKind.Police or OrganisationKind.Education or OrganisationKind.Voluntary or OrganisationKind.Other;

    /// <summary>Which kinds may be directly above an organisation of this kind (none: it stands at the top).</summary>
    public static bool MayBeUnder(this OrganisationKind kind, OrganisationKind? parent) => kind switch
    {
        OrganisationKind.Council => parent is null,
        OrganisationKind.Directorate => parent is OrganisationKind.Council,
        OrganisationKind.Department => parent is OrganisationKind.Directorate or OrganisationKind.Department,
        OrganisationKind.Team => parent is { } p && (p.IsPartner() || p is OrganisationKind.Team or OrganisationKind.Department),
        _ => parent is null, // partner agencies
    };

    public static string PlaceRule(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Council => "a council is at the top: it has no parent",
        OrganisationKind.Directorate => "a directorate's parent is the council",
        OrganisationKind.Department => "a department's parent is a directorate or another department",
        OrganisationKind.Team => "a team's parent is a partner agency, a department or another team",
        _ => "a partner agency is at the top: it has no parent",
    };
}

/// <summary>
/// One organisation of the partnership, known by a reference that imports merge on. Organisations are never
/// deleted (plans, figures and their history name them); one that has gone is retired.
/// </summary>
public class Organisation
{
    private Organisation() { }

    public Organisation(string reference, string name, OrganisationKind kind, Organisation? parent)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DomainException("An organisation needs a reference.");
        if (reference.Trim().Length > 64) throw new DomainException("An organisation's reference is at most 64 characters.");
        Ref = reference.Trim();
        Change(name, kind, parent);
    }

    public int Id { get; private set; }
    public string Ref { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public Organisation? Parent { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Renames, re-kinds or moves the organisation; refuses a parent of the wrong kind and any cycle.</summary>
    public void Change(string name, OrganisationKind kind, Organisation? parent)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException($"Organisation {Ref}: enter its name.");
        if (name.Trim().Length > 200) throw new DomainException($"Organisation {Ref}: the name is at most 200 characters.");
        if (!kind.MayBeUnder(parent?.Kind))
            throw new DomainException($"Organisation {Ref}: {kind.PlaceRule()}{(parent is null ? "" : $", not {parent.Kind.ToWords().ToLowerInvariant()} {parent.Ref}")}.");
        for (var above = parent; above is not null; above = above.Parent)
            if (ReferenceEquals(above, this) || (Id != 0 && above.Id == Id))
                throw new DomainException($"Organisation {Ref} cannot be placed under {parent!.Ref}: {parent.Ref} is already within {Ref}.");
        Name = name.Trim();
        Kind = kind;
        Parent = parent;
        // The navigation carries the link (the parent may be new, without an id yet); only clearing it needs the key.
        if (parent is null) ParentId = null;
    }

    public void Retire(DateTimeOffset when) => RetiredAt ??= when;

    public void Reinstate() => RetiredAt = null;

    /// <summary>This organisation and those above it, nearest first.</summary>
    public IEnumerable<Organisation> SelfAndAncestors()
    {
        for (var o = this; o is not null; o = o.Parent) yield return o;
    }

    /// <summary>The ids of this organisation and everything beneath it, among <paramref name="all"/>.</summary>
    public static IReadOnlySet<int> SelfAndDescendants(int id, IEnumerable<(int Id, int? ParentId)> all)
    {
        var children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var found = new HashSet<int> { id };
        var queue = new Queue<int>([id]);
        while (queue.Count > 0)
            foreach (var child in children[queue.Dequeue()])
                if (found.Add(child)) queue.Enqueue(child);
        return found;
    }
}
