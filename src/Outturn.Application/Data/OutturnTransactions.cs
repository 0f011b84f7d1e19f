using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Outturn.Application.Data;

public static class OutturnTransactions
{
    /// <summary>
    /// Begins a transaction or, when the caller already holds one (the demo loads every register in one, so that a
    /// crash leaves no half demo), takes part in it through a savepoint: committing the part releases the savepoint,
    /// rolling it back (or leaving without committing) undoes the part alone, and only the outermost commit writes.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.CurrentTransaction is not { } outer) return await database.BeginTransactionAsync(ct);
        var savepoint = "part_" + Guid.NewGuid().ToString("N")[..12];
        await outer.CreateSavepointAsync(savepoint, ct);
        return new Part(outer, savepoint);
    }

    private sealed class Part(IDbContextTransaction outer, string savepoint) : IDbContextTransaction
    {
        private bool _done;

        public Guid TransactionId => outer.TransactionId;

        public void Commit() => CommitAsync().GetAwaiter().GetResult();

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return;
            await outer.ReleaseSavepointAsync(savepoint, cancellationToken);
            _done = true;
        }

        public void Rollback() => RollbackAsync().GetAwaiter().GetResult();

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return;
            _done = true;
            await outer.RollbackToSavepointAsync(savepoint, cancellationToken);
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            // Left without a commit: usually an exception is on its way out, and the outer transaction decides.
            try { await RollbackAsync(); }
            catch (Exception) { /* the connection may be gone; the exception already leaving matters more */ }
        }
    }
}
