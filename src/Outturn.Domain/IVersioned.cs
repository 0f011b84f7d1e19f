namespace Outturn.Domain;

/// <summary>
/// A record kept up to date in the browser by more than one person: each change moves its version on, and a save
/// made from an older version is refused (optimistic concurrency) rather than overwriting the newer one.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
