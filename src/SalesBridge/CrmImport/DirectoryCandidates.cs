using Microsoft.EntityFrameworkCore;
using SalesBridge.Matching;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// The directory people or companies pending CRM records are matched against. A first run (many records) compares with
/// the whole directory. A later run brings a few changed records, and preparing a whole directory of hundreds of
/// thousands for them would cost most of the run: then only directory rows sharing a stored match key with some pending
/// record are read (<see cref="DirectoryMatchKeys"/>: an indexed look-up, not a read of the directory; a key shared by
/// more than <see cref="DirectoryMatchKeys.MaxRowsPerKey"/> rows selects nobody). A record that shares no such key with
/// its person is left unmatched until a full read compares it with the whole directory (after an expired change token or
/// a settings change). The directory record a pending record was tied to before is always offered again.
/// </summary>
/// <remarks>
/// With weights a whole-directory run learned (<c>narrow</c>), the engine no longer needs a crowd to learn from, so the
/// keys are narrower (see <see cref="DirectoryMatchKeys"/>): in a directory of a few hundred surnames the surname alone
/// selects most of it.
/// </remarks>
internal sealed class DirectoryCandidates(SalesBridgeDbContext db, Guid contractId)
{
    /// <summary>Below this share of the directory, pending records get pre-selected candidates.</summary>
    private const double PreselectBelowShare = 0.1;

    /// <param name="heldElsewhere">What other CRM records hold: never offered.</param>
    /// <param name="tiedBefore">Directory people the pending records were tied to: offered even without a shared key.</param>
    /// <param name="narrow">True when the matching will score with kept weights: narrower keys (see remarks).</param>
    public async Task<DirectoryChoice<PersonRecord>> PeopleAsync(IReadOnlyList<PersonRecord> pending, HeldElsewhere heldElsewhere, IReadOnlySet<Guid> tiedBefore,
        bool narrow, CancellationToken cancellationToken)
    {
        // Measured against the whole directory, rows other CRM records hold included: leaving them out would take a read
        // of every tie, the very read a pre-selection saves.
        var people = db.People.AsNoTracking().Where(p => p.ContractId == contractId);
        var whole = pending.Count >= await people.CountAsync(cancellationToken) * PreselectBelowShare;
        HashSet<Guid> held;
        if (whole)
        {
            held = await heldElsewhere.AllAsync(contractId, cancellationToken);
            // In the loading system's id order, as a whole read always came back (SQLite walked that index): the engine
            // breaks ties by record order, and left to itself the database may walk another index of the contract's people.
            people = people.OrderBy(p => p.ExternalId);
        }
        else
        {
            var ids = await SharingKeysAsync(pending.SelectMany(p => DirectoryMatchKeys.OfPerson(p.FirstName, p.LastName, p.City, p.Email, narrow)), tiedBefore,
                () => DirectoryMatchKeyFill.PeopleAsync(db, contractId, cancellationToken), cancellationToken);
            held = await heldElsewhere.AmongAsync(ids, contractId, cancellationToken);
            // By id alone, each found on the primary key: with the contract in the query SQLite walked all its people instead.
            // The ids are the contract's own (its keys, its records' ties); the contract is checked on each row read all the same.
            people = db.People.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id));
        }
        // Read row by row with the repeating texts pooled, keeping only what is compared: the directory is held while the
        // engine runs.
        var kept = new List<PersonRecord>();
        var pool = new TextPool();
        await foreach (var p in people
            .Select(p => new { Id = p.Id.ToString(), p.ContractId, p.FirstName, p.LastName, p.Email, p.CompanyName, p.Title, p.Phone, p.City, p.Region, p.Country })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // The id as the database writes it out, as before (it appears in the match explanations).
            if (p.ContractId != contractId || held.Contains(Guid.Parse(p.Id))) continue;
            kept.Add(new PersonRecord(p.Id)
            {
                FirstName = pool.Of(p.FirstName), LastName = pool.Of(p.LastName), Email = p.Email, Company = pool.Of(p.CompanyName), JobTitle = pool.Of(p.Title),
                Phone = p.Phone, City = pool.Of(p.City), State = pool.Of(p.Region), Country = pool.Of(p.Country),
            });
        }
        // A pre-selection in id order, whatever order the database found the ids in.
        if (!whole) kept.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new DirectoryChoice<PersonRecord>(kept, whole);
    }

    /// <param name="heldElsewhere">What other CRM records hold: never offered.</param>
    /// <param name="tiedBefore">Directory companies the pending records were tied to: offered even without a shared key.</param>
    /// <remarks>The company keys are narrow already: kept weights change nothing here.</remarks>
    public async Task<DirectoryChoice<CompanyRecord>> CompaniesAsync(IReadOnlyList<CompanyRecord> pending, HeldElsewhere heldElsewhere, IReadOnlySet<Guid> tiedBefore,
        CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking().Where(c => c.ContractId == contractId);
        var whole = pending.Count >= await companies.CountAsync(cancellationToken) * PreselectBelowShare;
        HashSet<Guid> held;
        if (whole)
        {
            held = await heldElsewhere.AllAsync(contractId, cancellationToken);
            // The name index's order, as a whole read always came back (see PeopleAsync).
            companies = companies.OrderBy(c => c.Name);
        }
        else
        {
            var ids = await SharingKeysAsync(pending.SelectMany(c => DirectoryMatchKeys.OfCompany(c.Name, c.Website)), tiedBefore,
                () => DirectoryMatchKeyFill.CompaniesAsync(db, contractId, cancellationToken), cancellationToken);
            held = await heldElsewhere.AmongAsync(ids, contractId, cancellationToken);
            companies = db.Companies.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id));
        }
        var all = await companies.Select(c => new { c.ContractId, Record = new CompanyRecord(c.Id.ToString()) { Name = c.Name, Website = c.Website, City = c.City, Country = c.Country } })
            .ToListAsync(cancellationToken);
        var chosen = all.Where(c => c.ContractId == contractId && !held.Contains(Guid.Parse(c.Record.Id))).Select(c => c.Record).ToList();
        if (!whole) chosen.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new DirectoryChoice<CompanyRecord>(chosen, whole);
    }

    /// <summary>
    /// The ids of the directory rows sharing a key with the pending records (once their side is keyed; keys of more than
    /// <see cref="DirectoryMatchKeys.MaxRowsPerKey"/> rows left out) and of the rows they were tied to. Asked of the key index alone: a query that also walked the directory (to filter or to sort it by
    /// name) took as long as reading all of it.
    /// </summary>
    private async Task<List<Guid>> SharingKeysAsync(IEnumerable<string> pendingKeys, IReadOnlySet<Guid> tiedBefore, Func<Task> keyTheDirectory,
        CancellationToken cancellationToken)
    {
        await keyTheDirectory();
        var keys = pendingKeys.Distinct().ToList();
        var asked = db.DirectoryMatchKeys.Where(k => k.ContractId == contractId && EF.Parameter(keys).Contains(k.Key));
        var narrowEnough = asked.GroupBy(k => k.Key).Where(g => g.Count() <= DirectoryMatchKeys.MaxRowsPerKey).Select(g => g.Key);
        var sharing = await db.DirectoryMatchKeys.Where(k => k.ContractId == contractId && narrowEnough.Contains(k.Key)).Select(k => k.RecordId)
            .Distinct().ToListAsync(cancellationToken);
        return sharing.Union(tiedBefore).ToList();
    }
}

/// <summary>The directory records to match against, and whether they are the whole directory (less what others hold).</summary>
internal sealed record DirectoryChoice<T>(List<T> Records, bool Whole);
