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
/// Create record (SPEC S11): makes the CRM contact for a saved lead's person who has none, with the parent account when
/// the person's company is tied to a CRM account, then ties the person to it, which completes the sync for that person.
/// The contact's id is derived from (contract, person), and the create is create-only: a retry after a lost answer or a
/// crash between the CRM call and the database finds the row already created (412) and only finishes the tie — never a
/// second contact (B6).
/// </summary>
public sealed class CreateCrmContact(SalesBridgeDbContext db, OrgClients orgClients, TimeProvider time, IWriteBackSignal writeBack) : IUseCase
{
    private const string CreatePrivilege = "prvCreateContact";
    private const string ReadPrivilege = "prvReadContact";

    /// <exception cref="NotFoundException">No such saved lead of the caller.</exception>
    /// <exception cref="ConflictException">The lead has a CRM contact, the person is another's, or no CRM is connected.</exception>
    /// <exception cref="CrmRecordExistsException">The CRM has a contact with the person's email, or their name under the same parent account.</exception>
    /// <exception cref="CrmWriteRefusedException">The org refused the create (403 privilege) or failed.</exception>
    public async Task<CrmMatchView> HandleAsync(Caller caller, Guid savedLeadId, CreateRecordRequest? request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var lead = await db.SavedLeads.Where(l => l.Id == savedLeadId && l.ContractId == caller.ContractId && l.OwnerId == caller.UserId)
            .Select(l => new { l.PersonId, l.CrmContactId }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Saved lead", savedLeadId);
        return await CreateAsync(caller, lead.PersonId, lead.CrmContactId, "This lead already has a CRM contact. Use Edit match to tie it to another person.",
            request, cancellationToken);
    }

    /// <summary>
    /// Create record from a person rather than a saved lead: from the unresolved task report (S15, S17), for an admin or for a
    /// seat holder whose items about the person wait for a CRM record.
    /// </summary>
    /// <exception cref="NotFoundException">No such person, or a seat holder with no item about them.</exception>
    /// <exception cref="ConflictException">The person already has a CRM contact, or no CRM is connected.</exception>
    public async Task<CrmMatchView> HandleForPersonAsync(Caller caller, Guid personId, CreateRecordRequest? request, CancellationToken cancellationToken)
    {
        await PersonCrmAccess.RequireAsync(db, caller, personId, cancellationToken);
        var existing = await db.CrmContacts.Where(c => c.ContractId == caller.ContractId && c.PersonId == personId && !c.RemovedFromCrm)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return await CreateAsync(caller, personId, existing, "This person already has a CRM contact. Use Edit match to pick another one.", request, cancellationToken);
    }

    private async Task<CrmMatchView> CreateAsync(Caller caller, Guid? personId, Guid? existingRecordId, string alreadyThere, CreateRecordRequest? request,
        CancellationToken cancellationToken)
    {
        var crmId = NameBasedGuid.Create(NameBasedGuid.CrmRows, $"contact/{caller.ContractId:D}/{personId:D}");
        var finishing = personId is not null
            && await db.CrmContacts.AnyAsync(c => c.ContractId == caller.ContractId && c.CrmId == crmId && c.PersonId == personId, cancellationToken);
        if (!finishing)
        {
            if (existingRecordId is not null) throw new ConflictException(alreadyThere);
            if (await GetLeadMatch.CreateRecordUnavailableAsync(db, caller.ContractId, personId, cancellationToken) is { } reason) throw new ConflictException(reason);
        }
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        var parent = person.CompanyId is null ? null : await db.CrmAccounts
            .Where(a => a.ContractId == caller.ContractId && a.CompanyId == person.CompanyId && !a.RemovedFromCrm)
            .Select(a => new { a.CrmId, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (!finishing)
        {
            var client = await orgClients.ForContractAsync(caller.ContractId, cancellationToken);
            if (request?.CreateAnyway != true) await RefuseDuplicateAsync(client, caller.ContractId, crmId, person, parent?.CrmId, cancellationToken);
            await CreateInCrmAsync(client, crmId, person, parent?.CrmId, cancellationToken);
        }
        await TieAsync(caller, crmId, person, parent?.CrmId, parent?.Name, cancellationToken);
        // Items written open because the CRM had no record for them are re-linked to the new one and completed (S17).
        writeBack.Wake(caller.ContractId);
        var recordId = await db.CrmContacts.Where(c => c.ContractId == caller.ContractId && c.CrmId == crmId).Select(c => c.Id).SingleAsync(cancellationToken);
        return await db.ContactAsync(caller.ContractId, recordId, cancellationToken);
    }

    private async Task RefuseDuplicateAsync(DataverseClient client, Guid contractId, Guid crmId, Person person, Guid? parentCrmId, CancellationToken cancellationToken)
    {
        ExistingCrmRecord? existing;
        try
        {
            existing = await ExistingCrmRecords.ContactAsync(client, person, parentCrmId, crmId, cancellationToken);
        }
        catch (DataverseException failure)
        {
            throw CrmWriteRefusedException.From(failure, ReadPrivilege);
        }
        if (existing is null) return;
        var url = CrmRecordLink.ForOptional(await CrmRecordLink.OrganizationUrlAsync(db, contractId, cancellationToken), CrmRecordLink.Contact, existing.CrmId);
        throw new CrmRecordExistsException(existing with { CrmUrl = url }, "contact");
    }

    private static async Task CreateInCrmAsync(DataverseClient client, Guid crmId, Person person, Guid? parentCrmId, CancellationToken cancellationToken)
    {
        var row = new JsonObject();
        Put("firstname", person.FirstName);
        Put("lastname", person.LastName);
        Put("emailaddress1", person.Email);
        Put("jobtitle", person.Title);
        Put("telephone1", person.Phone);
        Put("address1_city", person.City);
        Put("address1_country", person.Country);
        if (parentCrmId is { } account) row["parentcustomerid_account@odata.bind"] = $"/accounts({account:D})";
        try
        {
            await client.UpsertAsync("contacts", EntityKey.Id(crmId), row, UpsertBehavior.CreateOnly, cancellationToken: cancellationToken);
        }
        catch (DataversePreconditionFailedException)
        {
            // Created by an earlier attempt whose answer or database step was lost: the contact is there, finish the tie.
        }
        catch (DataverseException failure)
        {
            throw CrmWriteRefusedException.From(failure, CreatePrivilege);
        }

        void Put(string column, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) row[column] = value;
        }
    }

    /// <summary>The record the next import run would read, tied to the person, and every untied saved lead of the person tied to it.</summary>
    private async Task TieAsync(Caller caller, Guid crmId, Person person, Guid? parentCrmId, string? parentName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var record = await db.CrmContacts.SingleOrDefaultAsync(c => c.ContractId == caller.ContractId && c.CrmId == crmId, cancellationToken);
        if (record is null)
        {
            record = new CrmContactRecord
            {
                ContractId = caller.ContractId, CrmId = crmId,
                FirstName = Cut(person.FirstName, CrmContactRecord.MaxNameLength), LastName = Cut(person.LastName, CrmContactRecord.MaxNameLength),
                Email = Cut(person.Email), JobTitle = Cut(person.Title), Phone = Cut(person.Phone), City = Cut(person.City), Country = Cut(person.Country),
                AccountCrmId = parentCrmId, CompanyName = Cut(parentName ?? person.CompanyName),
                // Already decided: matching must not look for another person for a contact made from this one.
                MatchPending = false,
            };
            record.RefreshSearchText();
            db.CrmContacts.Add(record);
        }
        if (record.PersonId != person.Id || record.Match.IsAutomatic)
        {
            // A repeat keeps the first creation's summary (who and when).
            record.PersonId = person.Id;
            record.Match = ChosenMatch.Created(caller, time.GetUtcNow(), person.FullName);
        }
        await db.SaveChangesAsync(cancellationToken);
        // One row per owner and person, so each owner's lead of the person can take the tie without a clash.
        await db.SavedLeads.Where(l => l.ContractId == caller.ContractId && l.PersonId == person.Id && l.CrmContactId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.CrmContactId, record.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Cut(string? text, int max = CrmContactRecord.MaxTextLength) => text is null ? null : ColumnFit.Cut(text, max);
}
