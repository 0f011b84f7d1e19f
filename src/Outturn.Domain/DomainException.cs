namespace Outturn.Domain;

/// <summary>A rule of the domain refused a change; the message says which and why, in the users' words.</summary>
public sealed class DomainException(string message) : Exception(message);
