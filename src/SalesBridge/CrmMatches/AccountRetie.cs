using Microsoft.EntityFrameworkCore;
using SalesBridge.Accounts;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Makes every saved account tied to a CRM account record follow the record's new company at once, with the import's own
/// rules (<c>SavedItemDiff</c>) so the next run finds nothing to change: an owner who already has an account for the new
/// company gets the CRM tie on that row; an imported-only row follows the company; a hand-saved row stays with the company
/// it was saved for and the record gets a row of its own when the import brings it in. Releases and deletes are saved
/// first, then new companies, then new ties, so one row per owner and company and per owner and record holds after every statement.
/// Call inside a transaction.
/// </summary>
internal sealed class AccountRetie(SalesBridgeDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(Guid contractId, Guid recordId, Guid? companyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tied = await db.SavedAccounts.Where(l => l.ContractId == contractId && l.CrmAccountId == recordId).ToListAsync(cancellationToken);
        var owners = tied.Select(l => l.OwnerId).ToList();
        var holders = companyId is null ? [] : await db.SavedAccounts
            .Where(l => l.ContractId == contractId && l.CompanyId == companyId && owners.Contains(l.OwnerId) && l.CrmAccountId != recordId)
            .ToDictionaryAsync(l => l.OwnerId, cancellationToken);

        var deletes = new List<SavedAccount>();
        var unlisted = new List<Guid>();
        var takers = new List<(SavedAccount Row, bool Imported)>();
        var inserts = new List<SavedAccount>();
        var retargets = new List<SavedAccount>();
        foreach (var row in tied.Where(r => r.CompanyId != companyId))
        {
            if (holders.GetValueOrDefault(row.OwnerId) is { } holder)
            {
                Let(row);
                // A tie to some other record on the holder goes too: a lead stands for one CRM account.
                if (holder.CrmAccountId is not null) holder.CrmAccountId = null;
                takers.Add((holder, holder.ImportedFromCrm || row.ImportedFromCrm));
            }
            else if (!row.SavedByHand)
            {
                retargets.Add(row);
            }
            else
            {
                var imported = row.ImportedFromCrm;
                Let(row);
                if (imported)
                {
                    inserts.Add(new SavedAccount
                    {
                        ContractId = contractId, OwnerId = row.OwnerId, CompanyId = companyId, CrmAccountId = recordId, ImportedFromCrm = true, SavedAt = now,
                    });
                }
            }
        }

        db.SavedAccounts.RemoveRange(deletes);
        await db.SaveChangesAsync(cancellationToken);
        await SystemListEntries.RemoveAsync(db, contractId, SystemLists.CrmAccounts, unlisted, cancellationToken);
        foreach (var row in retargets) row.CompanyId = companyId;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (row, imported) in takers)
        {
            row.CrmAccountId = recordId;
            row.ImportedFromCrm = imported;
            if (imported) await SystemListEntries.AddAsync(db, contractId, SystemLists.CrmAccounts, row.OwnerId, null, row.Id, now, cancellationToken);
        }
        db.SavedAccounts.AddRange(inserts);
        foreach (var row in inserts) await SystemListEntries.AddAsync(db, contractId, SystemLists.CrmAccounts, row.OwnerId, null, row.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The row lets go of the record: gone when only the import had saved it, else kept by hand without the tie.
        void Let(SavedAccount row)
        {
            // A row without its company cannot stand without the record either, however it was saved.
            if (!row.SavedByHand || row.CompanyId is null)
            {
                deletes.Add(row);
                return;
            }
            if (row.ImportedFromCrm) unlisted.Add(row.Id);
            row.CrmAccountId = null;
            row.ImportedFromCrm = false;
        }
    }
}
