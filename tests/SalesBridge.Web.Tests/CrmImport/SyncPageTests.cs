using Microsoft.EntityFrameworkCore;
using System.Net;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>CRM Sync, a run's page and S3 on CRM Settings, as server-rendered pages.</summary>
[Collection(CrmCollection.Name)]
public sealed class SyncPageTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SyncPage_ShowsProgressHistoryChartAndRunErrors_RefusesSyncNowWhileRunning(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var other = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var failed = await host.InsertRunAsync(contract.Id, SyncRunStatus.Failed, start, TimeSpan.FromSeconds(75),
            new SyncRunCounts { Seats = 4, RecordsRead = 321, CrmRequests = 17, Errors = 2 }, failure: "Could not connect to CRM. Please try again later.");
        await host.InsertErrorsAsync(failed.Id, start, "Contact 'Ann' has no last name", "Account owner is not a seat holder");
        await host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == failed.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Node, "worker-2").SetProperty(r => r.Notes, "Taken over by worker-2 after worker-1 stopped.")));
        await host.InsertRunAsync(contract.Id, SyncRunStatus.Succeeded, start.AddMinutes(15), counts: new SyncRunCounts { Added = 12, Removed = 3, CrmRequests = 9 });
        await host.InsertRunAsync(contract.Id, SyncRunStatus.Running, DateTimeOffset.UtcNow, heartbeatAt: DateTimeOffset.UtcNow);
        var theirs = await host.InsertRunAsync(other.Id, SyncRunStatus.Succeeded, start);
        using var client = await host.PageClientAsync(contract.Admin);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Crm/Sync"));
        html.ShouldContain("Sync in progress");
        html.ShouldContain("<progress max=\"100\" value=\"30\"");
        html.ShouldContain("Reading contacts");
        html.ShouldContain("321");
        html.ShouldContain("1 min 15 s");
        html.ShouldContain("Failed");
        html.ShouldContain("<svg");
        html.ShouldContain($"{start:u}: 17 CRM calls");
        html.ShouldContain($"/Admin/Crm/Sync/Runs/{failed.Id}");
        html.ShouldContain("sync-progress.js");

        var refused = await client.PostFormAsync("Admin/Crm/Sync?handler=SyncNow", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain(StartSyncRun.AlreadyRunning);
        var json = await client.GetStringAsync("Admin/Crm/Sync?handler=Status");
        json.ShouldContain("\"phase\":\"Reading contacts\"");
        json.ShouldContain("\"status\":\"Running\"");
        WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Crm")).ShouldContain(CrmConnectionStatus.SyncInProgress);

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"Admin/Crm/Sync/Runs/{failed.Id}"));
        detail.ShouldContain("Could not connect to CRM. Please try again later.");
        detail.ShouldContain("Contact 'Ann' has no last name");
        detail.ShouldContain("Account owner is not a seat holder");
        detail.ShouldContain("<dt>Ran on</dt><dd>worker-2</dd>");
        detail.ShouldContain("Taken over by worker-2 after worker-1 stopped.");
        (await client.GetAsync($"Admin/Crm/Sync/Runs/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var seatHolder = await host.PageClientAsync(contract.SeatHolder);
        (await seatHolder.GetAsync("Admin/Crm/Sync")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seatHolder.GetAsync($"Admin/Crm/Sync/Runs/{failed.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SyncNow_NotConnected_SaysSo_Connected_StartsARunShownInTheHistory(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = await host.PageClientAsync(contract.Admin);

        var notConnected = await client.PostFormAsync("Admin/Crm/Sync?handler=SyncNow", []);
        WebUtility.HtmlDecode(await notConnected.Content.ReadAsStringAsync()).ShouldContain("The contract is not connected to a CRM.");

        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var started = await client.PostFormAsync("Admin/Crm/Sync?handler=SyncNow", []);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(started.Headers.Location!.OriginalString));
        page.ShouldContain("Sync started.");
        page.ShouldContain("<td>Sync now</td>");
    }
}
