using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.CrmImport;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Edit match on a CRM contact (SPEC S11): an admin for any record of the contract, a seat holder for a record behind one
/// of their saved leads. The record becomes <see cref="CrmMatchState.ChosenByUser"/> (the import never overrides it) and
/// every saved lead tied to it follows at once (<see cref="ContactRetie"/>).
/// <para>
/// A person another record already holds: when that record was matched automatically, the tie MOVES (that record is
/// untied, goes back to automatic matching, and its saved leads follow) — the person's explicit choice is better evidence
/// than a score. When someone chose that record's person, the edit is refused (409, naming the record): one person's
/// choice never silently undoes another's; set that record to "no match" first.
/// </para>
/// </summary>
public sealed class EditContactMatch(SalesBridgeDbContext db, TimeProvider time, IWriteBackSignal writeBack) : IUseCase
{
    private readonly ContactRetie retie = new(db, time);

    /// <exception cref="NotFoundException">No such record the caller may edit, or no such person in the contract.</exception>
    /// <exception cref="ConflictException">The person is another record's by someone's choice.</exception>
    public Task<CrmMatchView> HandleAsync(Caller caller, Guid recordId, EditMatchRequest request, CancellationToken cancellationToken) =>
        GuardedAsync(caller, recordId, request, anyRecord: false, cancellationToken);

    /// <summary>
    /// Edit match from the person's side: the caller, allowed to work on the person (<see cref="PersonCrmAccess"/>), picks the
    /// CRM contact the person is — any record of the contract, under the same rules as above.
    /// </summary>
    public async Task<CrmMatchView> HandleForPersonAsync(Caller caller, Guid personId, Guid recordId, CancellationToken cancellationToken)
    {
        await PersonCrmAccess.RequireAsync(db, caller, personId, cancellationToken);
        return await GuardedAsync(caller, recordId, new EditMatchRequest { CounterpartId = personId }, anyRecord: true, cancellationToken);
    }

    private async Task<CrmMatchView> GuardedAsync(Caller caller, Guid recordId, EditMatchRequest request, bool anyRecord, CancellationToken cancellationToken)
    {
        try
        {
            return await EditAsync(caller, recordId, request, anyRecord, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A sync finishing at this moment changed the same saved items; the transaction rolled back, so nothing changed.
            db.ChangeTracker.Clear();
            throw new ConflictException("The CRM sync changed these saved items at the same moment, so nothing was changed. Try again.");
        }
    }

    private async Task<CrmMatchView> EditAsync(Caller caller, Guid recordId, EditMatchRequest request, bool anyRecord, CancellationToken cancellationToken)
    {
        var personId = request.Validated();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Serialises edits of one contract, so two people choosing the same person cannot both win.
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var record = await db.CrmContacts.SingleOrDefaultAsync(c => c.Id == recordId && c.ContractId == caller.ContractId && !c.RemovedFromCrm, cancellationToken);
        if (record is null || !caller.IsContractAdmin && !anyRecord && !await HoldsAsync(caller, recordId, cancellationToken))
        {
            throw new NotFoundException("CRM contact", recordId);
        }
        var now = time.GetUtcNow();
        string? personName = null;
        if (personId is { } id)
        {
            personName = await db.People.Where(p => p.Id == id && p.ContractId == caller.ContractId).Select(p => p.FirstName + " " + p.LastName)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Person", id);
            var other = await db.CrmContacts.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId && c.PersonId == id && c.Id != recordId && !c.RemovedFromCrm, cancellationToken);
            if (other is not null)
            {
                if (!other.Match.IsAutomatic)
                {
                    throw new ConflictException($"{personName} is already the match of the CRM contact \"{other.FullName}\" (CRM id {other.CrmId}), chosen by a user. "
                        + "Set that record to \"no match\" first.");
                }
                other.PersonId = null;
                other.Match = ChosenMatch.Untied(caller, now, personName, record.FullName);
                other.MatchPending = true;
                await db.SaveChangesAsync(cancellationToken);
                await retie.ApplyAsync(caller.ContractId, other.Id, null, cancellationToken);
            }
        }
        record.PersonId = personId;
        record.Match = ChosenMatch.For(caller, now, personName);
        record.MatchPending = false;
        await db.SaveChangesAsync(cancellationToken);
        await retie.ApplyAsync(caller.ContractId, recordId, personId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Items written open for this person or company are re-linked and completed now (S17).
        writeBack.Wake(caller.ContractId);
        db.ChangeTracker.Clear();
        return await db.ContactAsync(caller.ContractId, recordId, cancellationToken);
    }

    private Task<bool> HoldsAsync(Caller caller, Guid recordId, CancellationToken cancellationToken) =>
        db.SavedLeads.AnyAsync(l => l.ContractId == caller.ContractId && l.OwnerId == caller.UserId && l.CrmContactId == recordId, cancellationToken);
}
