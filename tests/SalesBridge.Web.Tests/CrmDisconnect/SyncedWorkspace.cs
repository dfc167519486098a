using SalesBridge.Accounts;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmDisconnect;

/// <summary>
/// A seat holder's workspace as the import (issue 8) will leave it, arranged directly: a lead and an account only the
/// sync saved, a lead and an account the seat holder also saved by hand, a lead saved only by hand, the system lists
/// with the sync's entries, and the seat holder's own list holding a sync-only lead and the hand-saved one.
/// </summary>
internal sealed record SyncedWorkspace(
    Guid SyncLeadId, Guid BothLeadId, Guid HandLeadId, Guid SyncAccountId, Guid BothAccountId, Guid OwnListId, Guid CrmLeadsListId)
{
    public const string SyncLeadName = "Jürgen Schäfer";
    public const string SyncAccountName = "Müller Maschinenbau GmbH";

    public static Task<SyncedWorkspace> ArrangeAsync(WorkspaceHost host, TestContract contract) => host.QueryAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var owner = contract.SeatHolder.Id;
        SavedLead Lead(int person, bool byHand) => new() { ContractId = contract.Id, OwnerId = owner, PersonId = contract.PersonIds[person], SavedAt = now, SavedByHand = byHand };
        SavedAccount Account(int company, bool byHand) => new() { ContractId = contract.Id, OwnerId = owner, CompanyId = contract.CompanyIds[company], SavedAt = now, SavedByHand = byHand };
        SavedList List(string name, SavedListKind kind, string? systemKey) => new() { ContractId = contract.Id, OwnerId = owner, Name = name, Kind = kind, SystemKey = systemKey, CreatedAt = now };

        var (syncLead, bothLead, handLead) = (Lead(0, false), Lead(1, true), Lead(2, true));
        var (syncAccount, bothAccount) = (Account(0, false), Account(1, true));
        var crmLeads = List(SystemLists.CrmLeads.Name, SavedListKind.Leads, SystemLists.CrmLeads.Key);
        var crmAccounts = List(SystemLists.CrmAccounts.Name, SavedListKind.Accounts, SystemLists.CrmAccounts.Key);
        var own = List("Hot leads", SavedListKind.Leads, null);
        db.AddRange(syncLead, bothLead, handLead, syncAccount, bothAccount, crmLeads, crmAccounts, own);
        await db.SaveChangesAsync();
        db.SavedListEntries.AddRange(
            new SavedListEntry { ListId = crmLeads.Id, SavedLeadId = syncLead.Id, AddedAt = now },
            new SavedListEntry { ListId = crmLeads.Id, SavedLeadId = bothLead.Id, AddedAt = now },
            new SavedListEntry { ListId = crmAccounts.Id, SavedAccountId = syncAccount.Id, AddedAt = now },
            new SavedListEntry { ListId = crmAccounts.Id, SavedAccountId = bothAccount.Id, AddedAt = now },
            new SavedListEntry { ListId = own.Id, SavedLeadId = syncLead.Id, AddedAt = now },
            new SavedListEntry { ListId = own.Id, SavedLeadId = handLead.Id, AddedAt = now });
        await db.SaveChangesAsync();
        return new SyncedWorkspace(syncLead.Id, bothLead.Id, handLead.Id, syncAccount.Id, bothAccount.Id, own.Id, crmLeads.Id);
    });
}
