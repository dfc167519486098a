using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.WriteBack;

/// <summary>
/// Puts items into the write-back outbox in the caller's unit of work (SPEC B6: the item and its outbox row commit
/// together or not at all), takes unwritten ones out again when a seat holder unticks them, and wakes the worker
/// after the commit.
/// </summary>
public sealed class WriteBackOutbox(SalesBridgeDbContext db, TimeProvider time, IWriteBackSignal signal)
{
    /// <summary>Adds the outbox row of an item to the context; it is saved with the item by the caller's SaveChanges.</summary>
    public void Add(Guid contractId, WriteBackItemKind kind, Guid itemId, Guid seatHolderId, Guid? personId, Guid? companyId, Guid? threadId)
    {
        db.WriteBackItems.Add(new WriteBackItem
        {
            ContractId = contractId, Kind = kind, ItemId = itemId, SeatHolderId = seatHolderId,
            PersonId = personId, CompanyId = companyId, ThreadId = threadId,
            QueuedAt = time.GetUtcNow(), ActivityId = ActivityIds.For(contractId, itemId),
        });
    }

    /// <summary>
    /// Applies a changed <i>Copy to CRM</i> choice: ticking queues the items that have no outbox row; unticking removes
    /// the rows of items not yet in the CRM. What is already in the CRM stays there (unticking is not a delete in Dynamics).
    /// </summary>
    public async Task SetAsync(Guid contractId, bool copy, IReadOnlyCollection<OutboxCandidate> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.ItemId).ToList();
        var existing = await db.WriteBackItems.Where(w => w.ContractId == contractId && ids.Contains(w.ItemId)).ToListAsync(cancellationToken);
        if (copy)
        {
            foreach (var item in items.Where(i => existing.All(e => e.ItemId != i.ItemId)))
            {
                Add(contractId, item.Kind, item.ItemId, item.SeatHolderId, item.PersonId, item.CompanyId, item.ThreadId);
            }
            return;
        }
        db.WriteBackItems.RemoveRange(existing.Where(e => !e.IsInCrm));
    }

    /// <summary>
    /// Saves a unit of work that changed outbox rows — a seat holder's choice after <see cref="SetAsync"/>, or the worker's
    /// outcomes — where the other side may have changed the same rows since they were read (each change gives a row a new
    /// revision). Rows changed meanwhile are read again and this side's change applied to what they are now: a row gone
    /// stays gone, an item the CRM has meanwhile is never removed, an unwritten one is, and the worker's outcome is kept; then
    /// the save is repeated. A conflict on any other table is not this class's to resolve and is thrown.
    /// </summary>
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<WriteBackItem>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Revision = Guid.NewGuid();
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < 3 && conflict.Entries.All(e => e.Entity is WriteBackItem))
            {
                // Every changed row, not only the one reported: the save rolled back as a whole, and others may clash too.
                foreach (var entry in db.ChangeTracker.Entries<WriteBackItem>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).ToList())
                {
                    var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
                    if (stored is null)
                    {
                        entry.State = EntityState.Detached;
                        continue;
                    }
                    var now = (WriteBackItem)stored.ToObject();
                    if (entry.State == EntityState.Deleted && now.IsInCrm) entry.State = EntityState.Detached;
                    else entry.OriginalValues.SetValues(stored);
                }
            }
        }
    }

    /// <summary>Wakes the worker once the caller's transaction has committed.</summary>
    public void Wake(Guid contractId) => signal.Wake(contractId);
}

/// <summary>An item that may get an outbox row, with what the row needs.</summary>
public sealed record OutboxCandidate(WriteBackItemKind Kind, Guid ItemId, Guid SeatHolderId, Guid? PersonId, Guid? CompanyId, Guid? ThreadId);
