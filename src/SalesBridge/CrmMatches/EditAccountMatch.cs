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
/// Edit match on a CRM account (SPEC S11): an admin for any record of the contract, a seat holder for a record behind one
/// of their saved accounts. The record becomes <see cref="CrmMatchState.ChosenByUser"/> (the import never overrides it) and
/// every saved lead tied to it follows at once (<see cref="AccountRetie"/>).
/// <para>
/// A company another record already holds: when that record was matched automatically, the tie MOVES (that record is
/// untied, goes back to automatic matching, and its saved accounts follow) — the company's explicit choice is better evidence
/// than a score. When someone chose that record's company, the edit is refused (409, naming the record): one person's
/// choice never silently undoes another's; set that record to "no match" first.
/// </para>
/// </summary>
public sealed class EditAccountMatch(SalesBridgeDbContext db, TimeProvider time, IWriteBackSignal writeBack) : IUseCase
{
    private readonly AccountRetie retie = new(db, time);

    /// <exception cref="NotFoundException">No such record the caller may edit, or no such company in the contract.</exception>
    /// <exception cref="ConflictException">The company is another record's by someone's choice.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, Guid recordId, EditMatchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await EditAsync(caller, recordId, request, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A sync finishing at this moment changed the same saved items; the transaction rolled back, so nothing changed.
            db.ChangeTracker.Clear();
            throw new ConflictException("The CRM sync changed these saved items at the same moment, so nothing was changed. Try again.");
        }
    }

    private async Task<CrmMatchView> EditAsync(Caller caller, Guid recordId, EditMatchRequest request, CancellationToken cancellationToken)
    {
        var companyId = request.Validated();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Serialises edits of one contract, so two people choosing the same company cannot both win.
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var record = await db.CrmAccounts.SingleOrDefaultAsync(c => c.Id == recordId && c.ContractId == caller.ContractId && !c.RemovedFromCrm, cancellationToken);
        if (record is null || !caller.IsContractAdmin && !await HoldsAsync(caller, recordId, cancellationToken))
        {
            throw new NotFoundException("CRM account", recordId);
        }
        var now = time.GetUtcNow();
        string? companyName = null;
        if (companyId is { } id)
        {
            companyName = await db.Companies.Where(c => c.Id == id && c.ContractId == caller.ContractId).Select(c => c.Name)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Company", id);
            var other = await db.CrmAccounts.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId && c.CompanyId == id && c.Id != recordId && !c.RemovedFromCrm, cancellationToken);
            if (other is not null)
            {
                if (!other.Match.IsAutomatic)
                {
                    throw new ConflictException($"{companyName} is already the match of the CRM account \"{other.Name}\" (CRM id {other.CrmId}), chosen by a user. "
                        + "Set that record to \"no match\" first.");
                }
                other.CompanyId = null;
                other.Match = ChosenMatch.Untied(caller, now, companyName, record.Name);
                other.MatchPending = true;
                await db.SaveChangesAsync(cancellationToken);
                await retie.ApplyAsync(caller.ContractId, other.Id, null, cancellationToken);
            }
        }
        record.CompanyId = companyId;
        record.Match = ChosenMatch.For(caller, now, companyName);
        record.MatchPending = false;
        await db.SaveChangesAsync(cancellationToken);
        await retie.ApplyAsync(caller.ContractId, recordId, companyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Items written open for this person or company are re-linked and completed now (S17).
        writeBack.Wake(caller.ContractId);
        db.ChangeTracker.Clear();
        return await db.AccountAsync(caller.ContractId, recordId, cancellationToken);
    }

    private Task<bool> HoldsAsync(Caller caller, Guid recordId, CancellationToken cancellationToken) =>
        db.SavedAccounts.AnyAsync(l => l.ContractId == caller.ContractId && l.OwnerId == caller.UserId && l.CrmAccountId == recordId, cancellationToken);
}
