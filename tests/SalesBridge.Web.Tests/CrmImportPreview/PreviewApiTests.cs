using System.Net;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.CrmSeats;
using SalesBridge.Web.Tests.CrmImport;
using SalesBridge.Web.Tests.CrmSeats;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;
using static SalesBridge.Web.Tests.CrmImportPreview.PreviewArrange;

namespace SalesBridge.Web.Tests.CrmImportPreview;

/// <summary><c>GET /api/v1/admin/crm/sync/preview</c> (SPEC B4): admins only, per seat with the items limited, 409 when sync cannot run.</summary>
public sealed class PreviewApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Preview_AdminSeesEachSeat_ItemsLimited_SeatsNotSyncingWithTheReason_OthersRefused(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        var seller = org.Salespeople[0];
        var userId = await org.AddSeatHolderAsync(seller);
        await PreviewRulesTests.RefreshUsersAsync(org);
        var before = await org.Host.ImportRowsAsync(org.Contract.Id);
        using var api = await org.Host.ApiClientAsync(org.Contract.Admin);

        var preview = await api.JsonOkAsync($"{PreviewPath}?itemsPerSeat=1");

        preview.GetProperty("itemsPerSeat").GetInt32().ShouldBe(1);
        var seat = preview.GetProperty("seats").EnumerateArray().Single();
        seat.GetProperty("userId").GetGuid().ShouldBe(userId);
        seat.GetProperty("email").GetString().ShouldBe(seller.InternalEmailAddress);
        seat.GetProperty("crmUserName").GetString().ShouldBe(seller.FullName);
        var accounts = seat.GetProperty("accounts");
        accounts.GetProperty("total").GetInt32().ShouldBe(org.BroughtIn(org.OpenOpportunitiesOf(seller)).Accounts.Count);
        accounts.GetProperty("total").GetInt32().ShouldBe(accounts.GetProperty("matched").GetInt32() + accounts.GetProperty("unmatched").GetInt32());
        seat.GetProperty("accountItems").GetArrayLength().ShouldBe(1);
        seat.GetProperty("contactItems").GetArrayLength().ShouldBe(1);
        seat.GetProperty("wouldAdd").GetInt32().ShouldBe(accounts.GetProperty("total").GetInt32() + seat.GetProperty("contacts").GetProperty("total").GetInt32());
        var item = seat.GetProperty("accountItems")[0];
        item.GetProperty("matched").GetBoolean().ShouldBe(item.GetProperty("matchedName").ValueKind == System.Text.Json.JsonValueKind.String);
        var notSyncing = preview.GetProperty("seatsNotSyncing").EnumerateArray().Single(s => s.GetProperty("userId").GetGuid() == org.Contract.SeatHolder.Id);
        notSyncing.GetProperty("reason").GetString().ShouldBe(SeatCrmReasons.NoCrmUser);
        (await org.Host.ImportRowsAsync(org.Contract.Id)).ShouldBe(before);

        var invalid = await api.GetAsync($"{PreviewPath}?itemsPerSeat=5000");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("itemsPerSeat");
        using var seatHolder = await org.Host.ApiClientAsync(org.Contract.SeatHolder);
        (await seatHolder.GetAsync(PreviewPath)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await org.Host.ImportRowsAsync(org.Contract.Id)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Preview_NotConnectedOrPaused_Is409WithTheReason(string database)
    {
        await using var org = await ImportOrg.StartAsync(database);
        var unconnected = await org.Host.CreateAsync();
        using var api = await org.Host.ApiClientAsync(unconnected.Admin);

        var notConnected = await api.GetAsync(PreviewPath);

        notConnected.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notConnected.ProblemAsync()).GetProperty("detail").GetString().ShouldBe(StartSyncRun.NotConnected);

        await org.Host.SetConnectionStatusAsync(org.Contract.Id, OrgConnectionStatus.Paused);
        using var admin = await org.Host.ApiClientAsync(org.Contract.Admin);
        var paused = await admin.GetAsync(PreviewPath);
        paused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await paused.ProblemAsync()).GetProperty("detail").GetString().ShouldBe(StartSyncRun.Paused);
    }
}
