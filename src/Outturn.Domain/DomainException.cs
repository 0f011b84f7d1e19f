namespace Outturn.Domain;

/// <summary>What kind of refusal a rule makes, so the API can answer with the status that fits.</summary>
public enum DomainRefusal
{
    /// <summary>The change itself is not allowed (400).</summary>
    Invalid,
    /// <summary>The change does not fit the state things are in now, such as a round's stage (409).</summary>
    Conflict,
}

/// <summary>A rule of the domain refused a change; the message says which and why, in the users' words.</summary>
public sealed class DomainException(string message, DomainRefusal kind = DomainRefusal.Invalid) : Exception(message)
{
    public DomainRefusal Kind => kind;
}
