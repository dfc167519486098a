using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmImport;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Persistence;
using SalesBridge.PeopleDirectory;
using SalesBridge.Web.Demo;
using SalesBridge.Web.Tests.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportEngine;

/// <summary>
/// A tiny emulator org of its own, a contract connected to it with the world's workspace directory loaded, and seat
/// holders tied to the org's salespeople: the import's rules are checked against the world the emulator generated
/// (its ground truth) and against changes made through the Web API, the way users change a real org.
/// </summary>
public sealed class ImportOrg : IAsyncDisposable
{
    private ImportOrg(OwnCrmOrg org, TestContract contract, DataverseClient crm)
    {
        Org = org;
        Contract = contract;
        Crm = crm;
    }

    public OwnCrmOrg Org { get; }
    public TestContract Contract { get; }
    public WorkspaceHost Host => Org.Host;
    public GeneratedWorld World => Org.Emulator.World;

    /// <summary>The org as the integration user sees it, for changing it between runs.</summary>
    public DataverseClient Crm { get; }

    public IReadOnlyList<CrmUser> Salespeople => World.Users.Where(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled).ToList();

    /// <param name="size">The emulator world: <c>tiny</c> has two salespeople, <c>demo</c> nine.</param>
    public static async Task<ImportOrg> StartAsync(string database, string size = "tiny", IEnumerable<string>? settings = null)
    {
        var org = await OwnCrmOrg.StartAsync(database, size, settings);
        var contract = await org.ConnectedContractAsync();
        var world = org.Emulator.World;
        await using (var scope = org.Host.Services.CreateAsyncScope())
        {
            var load = scope.ServiceProvider.GetRequiredService<LoadDirectory>();
            foreach (var batch in world.WorkspaceCompanies.Chunk(LoadDirectory.MaxRowsPerBatch))
                await load.LoadCompaniesAsync(contract.Id, batch.Select(DemoDirectoryRows.Company).ToList(), CancellationToken.None);
            foreach (var batch in world.WorkspacePeople.Chunk(LoadDirectory.MaxRowsPerBatch))
                await load.LoadPeopleAsync(contract.Id, batch.Select(DemoDirectoryRows.Person).ToList(), CancellationToken.None);
        }
        return new ImportOrg(org, contract, await org.ClientAsync(contract));
    }

    /// <summary>A seat holder whose email is <paramref name="user"/>'s; returns the workspace user id.</summary>
    public async Task<Guid> AddSeatHolderAsync(CrmUser user)
    {
        var seatId = await Host.AddUserAsync(Contract.Id, user.InternalEmailAddress, user.FullName);
        return await Host.QueryAsync(db => db.Seats.Where(s => s.Id == seatId).Select(s => s.UserId).SingleAsync());
    }

    public Task SetStageAsync(string? column, int? value) => Host.QueryAsync(async db =>
    {
        var settings = await db.CrmSettings.SingleOrDefaultAsync(s => s.ContractId == Contract.Id);
        if (settings is null) db.CrmSettings.Add(settings = new ContractCrmSettings { ContractId = Contract.Id });
        (settings.PipelineStageColumn, settings.PipelineStageValue) = (column, value);
        return await db.SaveChangesAsync();
    });

    /// <summary>Starts a run and executes it to its end here, as the scheduler's job would.</summary>
    public async Task<SyncRunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<StartSyncRun>().StartAsync(Contract.Id, SyncTrigger.SyncNow, null, cancellationToken);
        await using var runScope = Host.Services.CreateAsyncScope();
        return await runScope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(run.Id, cancellationToken);
    }

    /// <summary>What a seat holder has saved: the CRM ids of the records behind their saved leads and accounts, and how each is held.</summary>
    public Task<SavedFromCrm> SavedAsync(Guid userId) => Host.QueryAsync(async db =>
    {
        var leads = await db.SavedLeads.Where(l => l.OwnerId == userId)
            .Select(l => new SavedRow(l.CrmContact != null ? l.CrmContact.CrmId : null, l.PersonId, l.SavedByHand, l.ImportedFromCrm)).ToListAsync();
        var accounts = await db.SavedAccounts.Where(a => a.OwnerId == userId)
            .Select(a => new SavedRow(a.CrmAccount != null ? a.CrmAccount.CrmId : null, a.CompanyId, a.SavedByHand, a.ImportedFromCrm)).ToListAsync();
        var listed = await db.SavedListEntries.Where(e => db.SavedLists.Any(l => l.Id == e.ListId && l.OwnerId == userId && l.SystemKey != null))
            .CountAsync();
        return new SavedFromCrm(leads, accounts, listed);
    });

    /// <summary>The world's open opportunities owned by <paramref name="owner"/>, optionally at or past a sales stage.</summary>
    public IReadOnlyList<CrmOpportunity> OpenOpportunitiesOf(CrmUser owner, int minimumSalesStage = 0) =>
        World.Opportunities.Where(o => o.OwnerId == owner.Id && o.StateCode == CrmOpportunity.StateOpen && o.SalesStage >= minimumSalesStage).ToList();

    /// <summary>What <paramref name="opportunities"/> bring in, computed from the world: accounts, and contacts with stakeholders.</summary>
    public (HashSet<Guid> Accounts, HashSet<Guid> Contacts) BroughtIn(IEnumerable<CrmOpportunity> opportunities)
    {
        var accounts = new HashSet<Guid>();
        var contacts = new HashSet<Guid>();
        foreach (var o in opportunities)
        {
            if (o.ParentAccountId is { } account) accounts.Add(account);
            if (o.ParentContactId is { } contact) contacts.Add(contact);
            (o.CustomerIsAccount ? accounts : contacts).Add(o.CustomerId);
            foreach (var s in World.Stakeholders.Where(s => s.OpportunityId == o.Id)) contacts.Add(s.ContactId);
        }
        return (accounts, contacts);
    }

    public async Task UpdateAsync(string entitySet, Guid id, JsonObject values) =>
        await Crm.UpdateAsync(entitySet, EntityKey.Id(id), values);

    /// <summary>Deletes a row as the org's System Administrator (the integration user may not delete, as in most real orgs).</summary>
    public async Task DeleteAsAdminAsync(string entitySet, Guid id)
    {
        var token = await CrmConnection.EmulatorSignIn.AccessTokenAsync(Org.Emulator, World.Admin.DomainName, World.Spec.DemoPassword);
        using var http = new HttpClient(CrmConnection.EmulatorSignIn.Handler(Org.Emulator));
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Crm.WebApiUrl, $"{entitySet}({id})"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync() => Org.DisposeAsync();
}

public sealed record SavedRow(Guid? CrmId, Guid? TargetId, bool SavedByHand, bool Imported);

public sealed record SavedFromCrm(IReadOnlyList<SavedRow> Leads, IReadOnlyList<SavedRow> Accounts, int SystemListEntries)
{
    public HashSet<Guid> ImportedContacts => Leads.Where(l => l.Imported && l.CrmId is not null).Select(l => l.CrmId!.Value).ToHashSet();
    public HashSet<Guid> ImportedAccounts => Accounts.Where(a => a.Imported && a.CrmId is not null).Select(a => a.CrmId!.Value).ToHashSet();
}
