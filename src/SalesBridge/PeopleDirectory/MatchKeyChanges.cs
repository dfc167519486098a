using SalesBridge.Persistence;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// A load batch's changes to the stored match keys (<see cref="DirectoryMatchKeys"/>), saved with the rows in one
/// transaction: the keys a changed row no longer has go, the ones it gained come (in bulk: a first load of a large
/// directory brings millions). A row under an older key definition is left to <see cref="DirectoryMatchKeyFill"/>, which
/// re-keys its whole side.
/// </summary>
internal sealed class MatchKeyChanges(SalesBridgeDbContext db, Guid contractId)
{
    private readonly List<DirectoryMatchKey> added = [];

    /// <param name="before">The row's stored keys; null when it has none (a new row, or one loaded before keys were stored).</param>
    public void Replace(Guid recordId, IReadOnlyCollection<string>? before, IEnumerable<string> after)
    {
        var now = after.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in (before ?? []).Where(key => !now.Contains(key)))
        {
            db.DirectoryMatchKeys.Remove(new DirectoryMatchKey { ContractId = contractId, Key = gone, RecordId = recordId });
        }

        added.AddRange(now.Where(key => before?.Contains(key) != true).Select(key => new DirectoryMatchKey { ContractId = contractId, Key = key, RecordId = recordId }));
    }

    /// <summary>Saves the tracked rows and the key changes together (inside the caller's transaction, if any).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(added, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }
}
