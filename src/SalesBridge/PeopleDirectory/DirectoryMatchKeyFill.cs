using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.PeopleDirectory;

/// <summary>
/// Stores the match keys of directory rows that have none of the current <see cref="DirectoryMatchKeys.Version"/>: rows
/// loaded before keys were stored (the migration cannot compute them: they fold text in C#, which SQL cannot repeat on
/// both databases), or after a key definition changed. <see cref="LoadDirectory"/> keeps them current from then on, so
/// once a contract's directory is keyed this is one indexed look-up that finds nothing. A load of the same rows at the
/// very moment a slice is keyed can make the slice's insert meet a key the load wrote: the slice rolls back, the run
/// fails with that error, and the next run carries on (the loaded rows are keyed by then).
/// </summary>
internal static class DirectoryMatchKeyFill
{
    private const int Slice = 5_000;

    public static async Task PeopleAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var people = db.People.Where(p => p.ContractId == contractId);
        if (!await people.AnyAsync(p => p.MatchKeysVersion != DirectoryMatchKeys.Version, cancellationToken)) return;
        if (await people.AnyAsync(p => p.MatchKeysVersion != 0 && p.MatchKeysVersion != DirectoryMatchKeys.Version, cancellationToken))
        {
            await StartOverAsync(db, contractId, DirectoryMatchKeys.PersonPrefix, () => people.ExecuteUpdateAsync(u => u.SetProperty(p => p.MatchKeysVersion, 0), cancellationToken),
                cancellationToken);
        }
        while (true)
        {
            var slice = await people.AsNoTracking().Where(p => p.MatchKeysVersion == 0).OrderBy(p => p.Id).Take(Slice)
                .Select(p => new { p.Id, p.FirstName, p.LastName, p.City, p.Email }).ToListAsync(cancellationToken);
            if (slice.Count == 0) return;
            var keys = slice.SelectMany(p => DirectoryMatchKeys.StoredOfPerson(p.FirstName, p.LastName, p.City, p.Email)
                .Select(key => new DirectoryMatchKey { ContractId = contractId, Key = key, RecordId = p.Id })).ToList();
            var ids = slice.Select(p => p.Id).ToList();
            await SaveSliceAsync(db, keys, () => people.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.MatchKeysVersion, DirectoryMatchKeys.Version),
                cancellationToken), cancellationToken);
        }
    }

    public static async Task CompaniesAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var companies = db.Companies.Where(c => c.ContractId == contractId);
        if (!await companies.AnyAsync(c => c.MatchKeysVersion != DirectoryMatchKeys.Version, cancellationToken)) return;
        if (await companies.AnyAsync(c => c.MatchKeysVersion != 0 && c.MatchKeysVersion != DirectoryMatchKeys.Version, cancellationToken))
        {
            await StartOverAsync(db, contractId, DirectoryMatchKeys.CompanyPrefix,
                () => companies.ExecuteUpdateAsync(u => u.SetProperty(c => c.MatchKeysVersion, 0), cancellationToken), cancellationToken);
        }
        while (true)
        {
            var slice = await companies.AsNoTracking().Where(c => c.MatchKeysVersion == 0).OrderBy(c => c.Id).Take(Slice)
                .Select(c => new { c.Id, c.Name, c.Website }).ToListAsync(cancellationToken);
            if (slice.Count == 0) return;
            var keys = slice.SelectMany(c => DirectoryMatchKeys.OfCompany(c.Name, c.Website)
                .Select(key => new DirectoryMatchKey { ContractId = contractId, Key = key, RecordId = c.Id })).ToList();
            var ids = slice.Select(c => c.Id).ToList();
            await SaveSliceAsync(db, keys, () => companies.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.MatchKeysVersion, DirectoryMatchKeys.Version),
                cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Keys of an older definition cannot be told from current ones row by row: the side's keys all go, and every row is
    /// keyed again. <paramref name="unkeyAll"/> sets every row's version to 0 (run inside the transaction).
    /// </summary>
    private static async Task StartOverAsync(SalesBridgeDbContext db, Guid contractId, string prefix, Func<Task<int>> unkeyAll, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DirectoryMatchKeys.Where(k => k.ContractId == contractId && k.Key.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
        await unkeyAll();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A slice's keys and its rows' version in one transaction, so a row is never marked keyed without its keys.</summary>
    private static async Task SaveSliceAsync(SalesBridgeDbContext db, List<DirectoryMatchKey> keys, Func<Task<int>> markKeyed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertAsync(keys, cancellationToken);
        await markKeyed();
        await transaction.CommitAsync(cancellationToken);
    }
}
