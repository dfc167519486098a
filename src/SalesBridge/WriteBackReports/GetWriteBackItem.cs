using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>Where one of the caller's copied items stands with the CRM (S14).</summary>
public sealed class GetWriteBackItem(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No item of the caller with that id is copied to the CRM (other seat holders' items answer the same).</exception>
    public async Task<WriteBackItemDetails> HandleAsync(Caller caller, Guid itemId, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var item = await OwnItems(db, caller).AsNoTracking().SingleOrDefaultAsync(i => i.ItemId == itemId, cancellationToken)
            ?? throw new NotFoundException("Write-back item", itemId);
        return await DetailsAsync(db, item, cancellationToken);
    }

    /// <summary>The outbox rows of the caller's own items: a seat holder sees and retries only what they wrote or sent.</summary>
    internal static IQueryable<WriteBackItem> OwnItems(SalesBridgeDbContext db, Caller caller) =>
        db.WriteBackItems.Where(i => i.ContractId == caller.ContractId && i.SeatHolderId == caller.UserId);

    internal static async Task<WriteBackItemDetails> DetailsAsync(SalesBridgeDbContext db, WriteBackItem item, CancellationToken cancellationToken)
    {
        var url = await CrmRecords.CrmRecordLink.OrganizationUrlAsync(db, item.ContractId, cancellationToken);
        return new WriteBackItemDetails(item.ItemId, item.Kind, item.PersonId, item.CompanyId, item.ThreadId, item.QueuedAt, item.Attempts,
            ItemCrmStates.Of(item.Kind, item.Status, item.Reason, item.WrittenAt, item.ActivityId, url));
    }
}
