using Microsoft.EntityFrameworkCore;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Keeps "My CRM Leads"/"My CRM Accounts" holding exactly what the import brings in when a match change moves the
/// import's tie from one saved item to another, so the lists are right at once and not only after the next run.
/// </summary>
internal static class SystemListEntries
{
    public static async Task AddAsync(SalesBridgeDbContext db, Guid contractId, SystemListDefinition list, Guid ownerId, Guid? leadId, Guid? accountId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The owner held an imported item, so the import made the list; if someone removed it, the next run makes it again.
        var listId = await db.SavedLists.Where(l => l.ContractId == contractId && l.OwnerId == ownerId && l.SystemKey == list.Key)
            .Select(l => (Guid?)l.Id).SingleOrDefaultAsync(cancellationToken);
        if (listId is null) return;
        var listed = await db.SavedListEntries.AnyAsync(e => e.ListId == listId && e.SavedLeadId == leadId && e.SavedAccountId == accountId, cancellationToken);
        if (!listed) db.SavedListEntries.Add(new SavedListEntry { ListId = listId.Value, SavedLeadId = leadId, SavedAccountId = accountId, AddedAt = now });
    }

    public static Task RemoveAsync(SalesBridgeDbContext db, Guid contractId, SystemListDefinition list, IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return Task.CompletedTask;
        var ids = itemIds.Select(id => (Guid?)id).ToList();
        return db.SavedListEntries
            .Where(e => db.SavedLists.Any(l => l.Id == e.ListId && l.ContractId == contractId && l.SystemKey == list.Key)
                && (ids.Contains(e.SavedLeadId) || ids.Contains(e.SavedAccountId)))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
