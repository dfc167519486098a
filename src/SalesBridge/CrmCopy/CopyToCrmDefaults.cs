using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.CrmCopy;

/// <summary>
/// Whether <i>Copy to CRM</i> starts ticked for an item (SPEC S14): when the admin writes back items of its type (S12,
/// S13). The seat holder's own choice, when given, always wins; pages ask this to pre-tick their checkboxes.
/// </summary>
public sealed class CopyToCrmDefaults(SalesBridgeDbContext db)
{
    public async Task<bool> ForAsync(Guid contractId, WriteBackItemKind kind, CancellationToken cancellationToken)
    {
        var settings = await db.CrmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken);
        // No settings row: the defaults, which keep write-back off until an admin turns it on.
        return (settings ?? new ContractCrmSettings()).WritesBack(kind);
    }

    /// <summary>The caller's choice when they made one, else the contract's default for the item's type.</summary>
    public async Task<bool> ResolveAsync(bool? requested, Guid contractId, WriteBackItemKind kind, CancellationToken cancellationToken) =>
        requested ?? await ForAsync(contractId, kind, cancellationToken);
}
