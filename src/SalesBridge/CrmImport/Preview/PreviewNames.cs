using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport.Preview;

/// <summary>The names the preview shows: of matched workspace people and companies, and of the CRM records behind imported saved items.</summary>
internal static class PreviewNames
{
    private const int IdsPerQuery = 5_000;

    /// <summary>Workspace companies' and people's names by id (one dictionary: ids are unique across both).</summary>
    public static async Task<Dictionary<Guid, string>> TargetsAsync(SalesBridgeDbContext db, Guid contractId, IEnumerable<Guid?> companyIds,
        IEnumerable<Guid?> personIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var slice in Ids(companyIds))
        {
            foreach (var c in await db.Companies.AsNoTracking().Where(c => c.ContractId == contractId && slice.Contains(c.Id))
                         .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)) names[c.Id] = c.Name;
        }
        foreach (var slice in Ids(personIds))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => p.ContractId == contractId && slice.Contains(p.Id))
                         .Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync(cancellationToken)) names[p.Id] = $"{p.FirstName} {p.LastName}".Trim();
        }
        return names;
    }

    /// <summary>The CRM accounts behind imported saved accounts (mirror row id → CRM id and name), for what a run would remove.</summary>
    public static async Task<Dictionary<Guid, (Guid CrmId, string Name)>> AccountRecordsAsync(SalesBridgeDbContext db, Guid contractId,
        IEnumerable<SavedItemRow> saved, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (Guid, string)>();
        foreach (var slice in Ids(saved.Where(r => r.Imported).Select(r => r.RecordId)))
        {
            foreach (var a in await db.CrmAccounts.AsNoTracking().Where(a => a.ContractId == contractId && slice.Contains(a.Id))
                         .Select(a => new { a.Id, a.CrmId, a.Name }).ToListAsync(cancellationToken)) found[a.Id] = (a.CrmId, a.Name);
        }
        return found;
    }

    /// <summary>The CRM contacts behind imported saved leads (mirror row id → CRM id and name).</summary>
    public static async Task<Dictionary<Guid, (Guid CrmId, string Name)>> ContactRecordsAsync(SalesBridgeDbContext db, Guid contractId,
        IEnumerable<SavedItemRow> saved, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (Guid, string)>();
        foreach (var slice in Ids(saved.Where(r => r.Imported).Select(r => r.RecordId)))
        {
            foreach (var c in await db.CrmContacts.AsNoTracking().Where(c => c.ContractId == contractId && slice.Contains(c.Id))
                         .Select(c => new { c.Id, c.CrmId, c.FirstName, c.LastName }).ToListAsync(cancellationToken))
                found[c.Id] = (c.CrmId, $"{c.FirstName} {c.LastName}".Trim());
        }
        return found;
    }

    private static IEnumerable<List<Guid>> Ids(IEnumerable<Guid?> ids) =>
        ids.OfType<Guid>().Distinct().Chunk(IdsPerQuery).Select(slice => slice.ToList());
}
