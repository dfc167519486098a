using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Users;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.CrmSettings;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>
/// An emulator org of its own with the SalesBridge solution installed and write-back on, a seat holder tied to one of its
/// salespeople who can sign in, and one import done, so the workspace's people have (or lack) their CRM contacts as a
/// customer's would. The host's own worker writes items back, as in production.
/// </summary>
public sealed class WriteBackOrg : IAsyncDisposable
{
    private WriteBackOrg(ImportOrg import, CrmUser seller, TestUser sellerUser, HttpClient sellerApi, HttpClient adminApi)
    {
        Import = import;
        SellerCrm = seller;
        Seller = sellerUser;
        SellerApi = sellerApi;
        AdminApi = adminApi;
    }

    public ImportOrg Import { get; }
    public WorkspaceHost Host => Import.Host;
    public Guid ContractId => Import.Contract.Id;
    public CrmUser SellerCrm { get; }
    public TestUser Seller { get; }
    public HttpClient SellerApi { get; }
    public HttpClient AdminApi { get; }

    /// <param name="settings">Changes to the CRM settings the admin saves (write-back is turned on).</param>
    /// <param name="hostSettings">More host settings (<c>--Section:Key=value</c>).</param>
    public static async Task<WriteBackOrg> StartAsync(string database, Action<Dictionary<string, object?>>? settings = null, IEnumerable<string>? hostSettings = null)
    {
        // No sweep during a test: every item must reach the CRM through the wake-up of the action that queued or freed it.
        var import = await ImportOrg.StartAsync(database, settings: ["--WriteBack:SweepInterval=00:10:00", .. hostSettings ?? []]);
        var seller = import.Salespeople[0];
        var sellerId = await import.AddSeatHolderAsync(seller);
        await using (var scope = import.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            var user = await users.FindByIdAsync(sellerId.ToString());
            (await users.AddPasswordAsync(user!, TestContracts.Password)).Succeeded.ShouldBeTrue();
        }
        var sellerUser = new TestUser(sellerId, seller.InternalEmailAddress);
        (await import.RunAsync()).Status.ShouldBe(SalesBridge.CrmImport.SyncRunStatus.Succeeded);

        var adminApi = await import.Host.ApiClientAsync(import.Contract.Admin);
        var install = await adminApi.PostAsync($"{CrmSettingsApi.SettingsPath}/solution", null);
        install.IsSuccessStatusCode.ShouldBeTrue(await install.Content.ReadAsStringAsync());
        var current = await adminApi.GetSettingsAsync();
        var update = await adminApi.PutSettingsAsync(CrmSettingsApi.Body(current, body =>
        {
            body["writeBackEnabled"] = true;
            settings?.Invoke(body);
        }));
        update.IsSuccessStatusCode.ShouldBeTrue(await update.Content.ReadAsStringAsync());
        return new WriteBackOrg(import, seller, sellerUser, await import.Host.ApiClientAsync(sellerUser), adminApi);
    }

    /// <summary>A directory person the import matched to a CRM contact, with that contact's id in the org.</summary>
    public Task<(Guid PersonId, Guid ContactId)> MatchedPersonAsync() => Host.QueryAsync(async db =>
    {
        var match = await db.CrmContacts.Where(c => c.ContractId == ContractId && c.PersonId != null && !c.RemovedFromCrm)
            .OrderBy(c => c.CrmId).Select(c => new { PersonId = c.PersonId!.Value, c.CrmId }).FirstAsync();
        return (match.PersonId, match.CrmId);
    });

    /// <summary>A directory person no CRM record is matched to.</summary>
    public Task<Guid> UnmatchedPersonAsync() => Host.QueryAsync(db =>
        db.People.Where(p => p.ContractId == ContractId && !db.CrmContacts.Any(c => c.PersonId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    public async Task<Guid> AddNoteAsync(Guid personId, bool? copyToCrm = true, string text = "Met at the trade fair; wants a demo in March.")
    {
        var response = await SellerApi.PostAsJsonAsync($"api/v1/people/{personId}/notes", new { text, copyToCrm });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the item's outbox row satisfies <paramref name="until"/> (the worker runs on its own).</summary>
    public async Task<WriteBackItem> WaitForAsync(Guid itemId, Func<WriteBackItem, bool> until, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        WriteBackItem? item = null;
        while (DateTime.UtcNow < deadline)
        {
            item = await Host.QueryAsync(db => db.WriteBackItems.AsNoTracking().SingleOrDefaultAsync(i => i.ItemId == itemId));
            if (item is not null && until(item)) return item;
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"Waited 30 s for {what}; the item is {(item is null ? "not in the outbox" : $"{item.Status} ({item.Reason})")}.");
    }

    /// <summary>The activity written for an item, read from the org by its alternate key; null when there is none.</summary>
    public async Task<JsonObject?> ActivityAsync(WriteBackItemKind kind, Guid itemId)
    {
        var table = SalesBridgeSolution.TableFor(kind);
        var rows = await Import.Crm.QueryAsync(table.EntitySetName, new DataverseQuery
        {
            Select = ["activityid", "subject", "description", "statecode", "statuscode", "_regardingobjectid_value", "_ownerid_value", "_createdby_value",
                "_createdonbehalfby_value", "sb_itemid", "actualend"],
            Filter = ODataFilter.Eq(SalesBridgeSolution.ItemIdColumn, itemId.ToString("D")),
        }).ToListAsync();
        rows.Count.ShouldBeLessThanOrEqualTo(1, $"item {itemId} must be in the CRM at most once");
        return rows.SingleOrDefault();
    }

    /// <summary>Wakes the host's worker for the contract, as a commit or the sweep would.</summary>
    public void Wake() => Host.Services.GetRequiredService<IWriteBackSignal>().Wake(ContractId);

    public async ValueTask DisposeAsync()
    {
        SellerApi.Dispose();
        AdminApi.Dispose();
        await Import.DisposeAsync();
    }
}
