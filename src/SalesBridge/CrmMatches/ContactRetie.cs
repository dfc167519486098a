using Microsoft.EntityFrameworkCore;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Persistence;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Makes every saved lead tied to a CRM contact record follow the record's new person at once, with the import's own
/// rules (<c>SavedItemDiff</c>) so the next run finds nothing to change: an owner who already has a lead for the new
/// person gets the CRM tie on that row; an imported-only row follows the person; a hand-saved row stays with the person
/// it was saved for and the record gets a row of its own when the import brings it in. Releases and deletes are saved
/// first, then new people, then new ties, so one row per owner and person and per owner and record holds after every statement.
/// Call inside a transaction.
/// </summary>
internal sealed class ContactRetie(SalesBridgeDbContext db, TimeProvider time)
{
    public async Task ApplyAsync(Guid contractId, Guid recordId, Guid? personId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tied = await db.SavedLeads.Where(l => l.ContractId == contractId && l.CrmContactId == recordId).ToListAsync(cancellationToken);
        var owners = tied.Select(l => l.OwnerId).ToList();
        var holders = personId is null ? [] : await db.SavedLeads
            .Where(l => l.ContractId == contractId && l.PersonId == personId && owners.Contains(l.OwnerId) && l.CrmContactId != recordId)
            .ToDictionaryAsync(l => l.OwnerId, cancellationToken);

        var deletes = new List<SavedLead>();
        var unlisted = new List<Guid>();
        var takers = new List<(SavedLead Row, bool Imported)>();
        var inserts = new List<SavedLead>();
        var retargets = new List<SavedLead>();
        foreach (var row in tied.Where(r => r.PersonId != personId))
        {
            if (holders.GetValueOrDefault(row.OwnerId) is { } holder)
            {
                Let(row);
                // A tie to some other record on the holder goes too: a lead stands for one CRM contact.
                if (holder.CrmContactId is not null) holder.CrmContactId = null;
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
                    inserts.Add(new SavedLead
                    {
                        ContractId = contractId, OwnerId = row.OwnerId, PersonId = personId, CrmContactId = recordId, ImportedFromCrm = true, SavedAt = now,
                    });
                }
            }
        }

        db.SavedLeads.RemoveRange(deletes);
        await db.SaveChangesAsync(cancellationToken);
        await SystemListEntries.RemoveAsync(db, contractId, SystemLists.CrmLeads, unlisted, cancellationToken);
        foreach (var row in retargets) row.PersonId = personId;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (row, imported) in takers)
        {
            row.CrmContactId = recordId;
            row.ImportedFromCrm = imported;
            if (imported) await SystemListEntries.AddAsync(db, contractId, SystemLists.CrmLeads, row.OwnerId, row.Id, null, now, cancellationToken);
        }
        db.SavedLeads.AddRange(inserts);
        foreach (var row in inserts) await SystemListEntries.AddAsync(db, contractId, SystemLists.CrmLeads, row.OwnerId, row.Id, null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The row lets go of the record: gone when only the import had saved it, else kept by hand without the tie.
        void Let(SavedLead row)
        {
            // A row without its person cannot stand without the record either, however it was saved.
            if (!row.SavedByHand || row.PersonId is null)
            {
                deletes.Add(row);
                return;
            }
            if (row.ImportedFromCrm) unlisted.Add(row.Id);
            row.CrmContactId = null;
            row.ImportedFromCrm = false;
        }
    }
}
