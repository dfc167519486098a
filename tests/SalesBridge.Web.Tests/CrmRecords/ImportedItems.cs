using Microsoft.EntityFrameworkCore;
using SalesBridge.Accounts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Persistence;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmRecords;

/// <summary>
/// A seat holder's saved items as the import (issue 8) leaves them, arranged directly: CRM contact and account rows,
/// a matched and an unmatched saved lead and account that only the sync saved, and their system-list entries.
/// </summary>
internal sealed record ImportedItems(
    Guid MatchedLeadId, Guid UnmatchedLeadId, Guid MatchedAccountId, Guid UnmatchedAccountId,
    Guid MatchedContactCrmId, Guid UnmatchedContactCrmId, Guid MatchedAccountCrmId, Guid UnmatchedAccountCrmId, Guid CrmLeadsListId)
{
    public const string OrganizationUrl = "https://contoso.crm4.dynamics.com/";
    public const string UnmatchedLeadName = "Ingrid Okafor";
    public const string UnmatchedAccountName = "Zephyr Holdings AG";

    /// <summary>The lead matched to the contract's third person (Nancy Davolio), the account to its second company.</summary>
    public static Task<ImportedItems> ArrangeAsync(WorkspaceHost host, TestContract contract, TestUser owner) => host.QueryAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var run = Guid.NewGuid();
        CrmContactRecord Contact(string first, string last, Guid? personId)
        {
            var contact = new CrmContactRecord
            {
                ContractId = contract.Id, CrmId = Guid.NewGuid(), FirstName = first, LastName = last, JobTitle = "Buyer",
                CompanyName = UnmatchedAccountName, City = "Lagos", Country = "Nigeria", PersonId = personId, ReadInRunId = run,
                Match = new CrmMatch { State = personId is null ? CrmMatchState.Unmatched : CrmMatchState.Matched, Score = personId is null ? 0.2 : 0.99 },
            };
            contact.RefreshSearchText();
            return contact;
        }

        CrmAccountRecord Account(string name, Guid? companyId)
        {
            var account = new CrmAccountRecord
            {
                ContractId = contract.Id, CrmId = Guid.NewGuid(), Name = name, Website = "https://zephyr.example", City = "Zug", Country = "Switzerland",
                CompanyId = companyId, ReadInRunId = run,
                Match = new CrmMatch { State = companyId is null ? CrmMatchState.Unmatched : CrmMatchState.Matched },
            };
            account.RefreshSearchText();
            return account;
        }

        var (matchedContact, unmatchedContact) = (Contact("Nancy", "Davolio", contract.PersonIds[2]), Contact("Ingrid", "Okafor", null));
        var (matchedAccount, unmatchedAccount) = (Account("Northwind Traders", contract.CompanyIds[1]), Account(UnmatchedAccountName, null));
        db.AddRange(matchedContact, unmatchedContact, matchedAccount, unmatchedAccount);
        var matchedLead = new SavedLead { ContractId = contract.Id, OwnerId = owner.Id, PersonId = contract.PersonIds[2], CrmContactId = matchedContact.Id, ImportedFromCrm = true, SavedAt = now };
        var unmatchedLead = new SavedLead { ContractId = contract.Id, OwnerId = owner.Id, CrmContactId = unmatchedContact.Id, ImportedFromCrm = true, SavedAt = now.AddSeconds(1) };
        var matchedSaved = new SavedAccount { ContractId = contract.Id, OwnerId = owner.Id, CompanyId = contract.CompanyIds[1], CrmAccountId = matchedAccount.Id, ImportedFromCrm = true, SavedAt = now };
        var unmatchedSaved = new SavedAccount { ContractId = contract.Id, OwnerId = owner.Id, CrmAccountId = unmatchedAccount.Id, ImportedFromCrm = true, SavedAt = now.AddSeconds(1) };
        db.AddRange(matchedLead, unmatchedLead, matchedSaved, unmatchedSaved);
        var crmLeads = await SystemListAsync(db, contract, owner, SystemLists.CrmLeads);
        var crmAccounts = await SystemListAsync(db, contract, owner, SystemLists.CrmAccounts);
        await db.SaveChangesAsync();
        db.SavedListEntries.AddRange(
            new SavedListEntry { ListId = crmLeads.Id, SavedLeadId = matchedLead.Id, AddedAt = now },
            new SavedListEntry { ListId = crmLeads.Id, SavedLeadId = unmatchedLead.Id, AddedAt = now },
            new SavedListEntry { ListId = crmAccounts.Id, SavedAccountId = matchedSaved.Id, AddedAt = now },
            new SavedListEntry { ListId = crmAccounts.Id, SavedAccountId = unmatchedSaved.Id, AddedAt = now });
        await db.SaveChangesAsync();
        return new ImportedItems(matchedLead.Id, unmatchedLead.Id, matchedSaved.Id, unmatchedSaved.Id,
            matchedContact.CrmId, unmatchedContact.CrmId, matchedAccount.CrmId, unmatchedAccount.CrmId, crmLeads.Id);
    });

    /// <summary>A connection row as connecting leaves it; only its URL and status matter to the "In CRM" link.</summary>
    public static Task ConnectAsync(WorkspaceHost host, TestContract contract, OrgConnectionStatus status = OrgConnectionStatus.Connected) => host.QueryAsync(db =>
    {
        db.OrgConnections.Add(new OrgConnection
        {
            ContractId = contract.Id, OrganizationUrl = OrganizationUrl, SignInMethod = OrgSignInMethod.ApplicationUser,
            Status = status, ConnectedAt = DateTimeOffset.UtcNow, ConnectedById = contract.Admin.Id,
        });
        return db.SaveChangesAsync();
    });

    public static string RecordUrl(string logicalName, Guid crmId) =>
        $"{OrganizationUrl}main.aspx?etn={logicalName}&pagetype=entityrecord&id=%7B{crmId.ToString().ToUpperInvariant()}%7D";

    // The seat holder may already have them: the pages create them on first use.
    private static async Task<SavedList> SystemListAsync(SalesBridgeDbContext db, TestContract contract, TestUser owner, SystemListDefinition definition) =>
        await db.SavedLists.SingleOrDefaultAsync(list => list.OwnerId == owner.Id && list.SystemKey == definition.Key)
        ?? db.SavedLists.Add(new SavedList
        {
            ContractId = contract.Id, OwnerId = owner.Id, Name = definition.Name, Kind = definition.Kind, SystemKey = definition.Key, CreatedAt = DateTimeOffset.UtcNow,
        }).Entity;
}
