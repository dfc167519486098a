using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.CrmSettings;

internal static class CrmSettingsRows
{
    /// <summary>The contract's settings row, made with the defaults on first read.</summary>
    public static async Task<ContractCrmSettings> LoadOrCreateAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var settings = await db.CrmSettings.SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken);
        if (settings is not null) return settings;
        settings = new ContractCrmSettings { ContractId = contractId };
        db.CrmSettings.Add(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return settings;
        }
        catch (DbUpdateException)
        {
            // Another request made the row first; read theirs.
            db.Entry(settings).State = EntityState.Detached;
            return await db.CrmSettings.SingleAsync(s => s.ContractId == contractId, cancellationToken);
        }
    }
}
