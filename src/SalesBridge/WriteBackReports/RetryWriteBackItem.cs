using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// Retry (S14): a failed, skipped or waiting item of the caller goes back into the outbox as if just copied (attempts and
/// back-off reset) and the worker is woken. Its activity id and key stay the same, so a retry can never make a second activity (B6).
/// </summary>
public sealed class RetryWriteBackItem(SalesBridgeDbContext db, IWriteBackSignal signal) : IUseCase
{
    /// <exception cref="NotFoundException">No item of the caller with that id is copied to the CRM.</exception>
    /// <exception cref="ConflictException">The item is already in the CRM or already queued.</exception>
    public async Task<WriteBackItemDetails> HandleAsync(Caller caller, Guid itemId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var item = await GetWriteBackItem.OwnItems(db, caller).SingleOrDefaultAsync(i => i.ItemId == itemId, cancellationToken)
            ?? throw new NotFoundException("Write-back item", itemId);
        if (item.IsInCrm) throw new ConflictException("The item is already in the CRM; there is nothing to retry.");
        if (item.Status == WriteBackStatus.Queued) throw new ConflictException("The item is already queued for the CRM.");

        item.Pending = true;
        item.Status = WriteBackStatus.Queued;
        item.Reason = null;
        item.Attempts = 0;
        item.DueAt = null;
        item.Revision = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The worker settled the item at this very moment; its new state decides whether a retry makes sense.
            throw new ConflictException("The item changed while it was being retried; reload to see where it stands.");
        }
        signal.Wake(caller.ContractId);
        return await GetWriteBackItem.DetailsAsync(db, item, cancellationToken);
    }
}
