using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.CrmRecords;
using SalesBridge.Dataverse;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.PeopleDirectory;
using SalesBridge.UseCases;
using SalesBridge.WriteBack;
using SalesBridge.Text;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Create record for a saved account (SPEC S11): makes the company an account in the CRM and ties it, the same way and
/// with the same guarantees as <see cref="CreateCrmContact"/> (an id derived from contract and company, create-only, a
/// repeat only finishes the tie). Contacts created afterwards for the company's people get it as their parent.
/// </summary>
public sealed class CreateCrmAccount(SalesBridgeDbContext db, OrgClients orgClients, TimeProvider time, IWriteBackSignal writeBack) : IUseCase
{
    private const string CreatePrivilege = "prvCreateAccount";
    private const string ReadPrivilege = "prvReadAccount";

    /// <exception cref="NotFoundException">No such saved account of the caller.</exception>
    /// <exception cref="ConflictException">The account has a CRM account, the company is another's, or no CRM is connected.</exception>
    /// <exception cref="CrmRecordExistsException">The CRM has an account with the company's name or website domain.</exception>
    /// <exception cref="CrmWriteRefusedException">The org refused the create (403 privilege) or failed.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, Guid savedAccountId, CreateRecordRequest? request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var saved = await db.SavedAccounts.Where(a => a.Id == savedAccountId && a.ContractId == caller.ContractId && a.OwnerId == caller.UserId)
            .Select(a => new { a.CompanyId, a.CrmAccountId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved account", savedAccountId);
        var crmId = NameBasedGuid.Create(NameBasedGuid.CrmRows, $"account/{caller.ContractId:D}/{saved.CompanyId:D}");
        var finishing = saved.CompanyId is not null
            && await db.CrmAccounts.AnyAsync(a => a.ContractId == caller.ContractId && a.CrmId == crmId && a.CompanyId == saved.CompanyId, cancellationToken);
        if (!finishing)
        {
            if (saved.CrmAccountId is not null) throw new ConflictException("This account already has a CRM account. Use Edit match to tie it to another company.");
            if (await GetAccountMatch.CreateRecordUnavailableAsync(db, caller.ContractId, saved.CompanyId, cancellationToken) is { } reason) throw new ConflictException(reason);
        }
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == saved.CompanyId, cancellationToken);
        if (!finishing)
        {
            var client = await orgClients.ForContractAsync(caller.ContractId, cancellationToken);
            if (request?.CreateAnyway != true) await RefuseDuplicateAsync(client, caller.ContractId, crmId, company, cancellationToken);
            await CreateInCrmAsync(client, crmId, company, cancellationToken);
        }
        await TieAsync(caller, crmId, company, cancellationToken);
        // Items written open because the CRM had no record for them are re-linked to the new one and completed (S17).
        writeBack.Wake(caller.ContractId);
        var recordId = await db.CrmAccounts.Where(a => a.ContractId == caller.ContractId && a.CrmId == crmId).Select(a => a.Id).SingleAsync(cancellationToken);
        return await db.AccountAsync(caller.ContractId, recordId, cancellationToken);
    }

    private async Task RefuseDuplicateAsync(DataverseClient client, Guid contractId, Guid crmId, Company company, CancellationToken cancellationToken)
    {
        ExistingCrmRecord? existing;
        try
        {
            existing = await ExistingCrmRecords.AccountAsync(client, company, crmId, cancellationToken);
        }
        catch (DataverseException failure)
        {
            throw CrmWriteRefusedException.From(failure, ReadPrivilege);
        }
        if (existing is null) return;
        var url = CrmRecordLink.ForOptional(await CrmRecordLink.OrganizationUrlAsync(db, contractId, cancellationToken), CrmRecordLink.Account, existing.CrmId);
        throw new CrmRecordExistsException(existing with { CrmUrl = url }, "account");
    }

    private static async Task CreateInCrmAsync(DataverseClient client, Guid crmId, Company company, CancellationToken cancellationToken)
    {
        var row = new JsonObject { ["name"] = company.Name };
        if (!string.IsNullOrWhiteSpace(company.Website)) row["websiteurl"] = company.Website;
        if (!string.IsNullOrWhiteSpace(company.City)) row["address1_city"] = company.City;
        if (!string.IsNullOrWhiteSpace(company.Country)) row["address1_country"] = company.Country;
        if (company.EmployeeCount is { } employees) row["numberofemployees"] = employees;
        try
        {
            await client.UpsertAsync("accounts", EntityKey.Id(crmId), row, UpsertBehavior.CreateOnly, cancellationToken: cancellationToken);
        }
        catch (DataversePreconditionFailedException)
        {
            // Created by an earlier attempt whose answer or database step was lost: the account is there, finish the tie.
        }
        catch (DataverseException failure)
        {
            throw CrmWriteRefusedException.From(failure, CreatePrivilege);
        }
    }

    private async Task TieAsync(Caller caller, Guid crmId, Company company, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var record = await db.CrmAccounts.SingleOrDefaultAsync(a => a.ContractId == caller.ContractId && a.CrmId == crmId, cancellationToken);
        if (record is null)
        {
            record = new CrmAccountRecord
            {
                ContractId = caller.ContractId, CrmId = crmId, Name = Cut(company.Name, CrmAccountRecord.MaxNameLength)!,
                Website = Cut(company.Website), City = Cut(company.City), Country = Cut(company.Country),
                // Already decided: matching must not look for another company for an account made from this one.
                MatchPending = false,
            };
            record.RefreshSearchText();
            db.CrmAccounts.Add(record);
        }
        if (record.CompanyId != company.Id || record.Match.IsAutomatic)
        {
            // A repeat keeps the first creation's summary (who and when).
            record.CompanyId = company.Id;
            record.Match = ChosenMatch.Created(caller, time.GetUtcNow(), company.Name);
        }
        await db.SaveChangesAsync(cancellationToken);
        // One row per owner and company, so each owner's saved account of the company can take the tie without a clash.
        await db.SavedAccounts.Where(a => a.ContractId == caller.ContractId && a.CompanyId == company.Id && a.CrmAccountId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.CrmAccountId, record.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Cut(string? text, int max = CrmAccountRecord.MaxTextLength) => text is null ? null : ColumnFit.Cut(text, max);
}
