using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.CrmDisconnect;
using SalesBridge.Web.Tests.CrmHealth;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin.Crm;

/// <summary>The health, alert and disconnect endpoints: admins only, clear refusals, nothing changed by a refused call.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmHealthApiTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CheckNow_FailingConnection_ReportsItAndTheAlertCanBeDismissed(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetClientSecretAsync(connection.Id, "wrong-secret");
        using var admin = await host.ApiClientAsync(contract.Admin);

        using var check = await admin.PostAsync("api/v1/admin/crm/connection/check", null);
        var status = await check.Content.ReadFromJsonAsync<JsonElement>();
        var alerts = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/alerts");
        var alertId = alerts[0].GetProperty("id").GetGuid();
        using var resolve = await admin.PostAsync($"api/v1/admin/alerts/{alertId}/resolve", null);
        var afterwards = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/alerts");

        check.StatusCode.ShouldBe(HttpStatusCode.OK, status.ToString());
        status.GetProperty("status").GetString().ShouldBe("Failing");
        status.GetProperty("failureMessage").GetString().ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        status.GetProperty("syncAllowed").GetBoolean().ShouldBeTrue();
        status.ToString().ShouldNotContain("wrong-secret");
        alerts.GetArrayLength().ShouldBe(1);
        alerts[0].GetProperty("kind").GetString().ShouldBe("ConnectionFailing");
        resolve.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resolve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolvedAt").ValueKind.ShouldBe(JsonValueKind.String);
        afterwards.GetArrayLength().ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_ThroughTheApi_RemovesSyncDataAndListsTheAudit(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await SyncedWorkspace.ArrangeAsync(host, contract);
        using var admin = await host.ApiClientAsync(contract.AdminSeatHolder);

        using var disconnect = await admin.PostAsJsonAsync("api/v1/admin/crm/disconnect", new { cleanUp = true });
        var audit = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/disconnects");
        using var again = await admin.PostAsJsonAsync("api/v1/admin/crm/disconnect", new { cleanUp = true });
        using var check = await admin.PostAsync("api/v1/admin/crm/connection/check", null);

        disconnect.StatusCode.ShouldBe(HttpStatusCode.OK, await disconnect.Content.ReadAsStringAsync());
        var record = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        record.GetProperty("cleanedUp").GetBoolean().ShouldBeTrue();
        record.GetProperty("removedLeads").GetInt32().ShouldBe(1);
        record.GetProperty("removedItems").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldContain(SyncedWorkspace.SyncAccountName);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        check.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_WithoutCleanUpChoice_Is400NamingTheFieldAndChangesNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var admin = await host.ApiClientAsync(contract.Admin);

        using var response = await admin.PostAsJsonAsync("api/v1/admin/crm/disconnect", new { });
        using var unknownAlert = await admin.PostAsync($"api/v1/admin/alerts/{Guid.NewGuid()}/resolve", null);
        using var badPage = await admin.GetAsync("api/v1/admin/crm/disconnects?pageSize=0");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("cleanUp is required");
        (await host.StoredConnectionAsync(contract.Id)).Status.ShouldBe(OrgConnectionStatus.Connected);
        unknownAlert.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badPage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPage.Content.ReadAsStringAsync()).ShouldContain("pageSize");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_SeatHolderWithoutAdminRight_Are403AndChangeNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var alertId = await host.QueryAsync(async db =>
        {
            var alert = new AdminAlert { ContractId = contract.Id, Kind = AdminAlertKind.ConnectionFailing, RaisedAt = DateTimeOffset.UtcNow, Title = "t", Detail = "d" };
            db.AdminAlerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        });
        using var seller = await host.ApiClientAsync(contract.SeatHolder);

        var requests = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET alerts", () => seller.GetAsync("api/v1/admin/alerts")),
            ("POST resolve", () => seller.PostAsync($"api/v1/admin/alerts/{alertId}/resolve", null)),
            ("POST check", () => seller.PostAsync("api/v1/admin/crm/connection/check", null)),
            ("POST disconnect", () => seller.PostAsJsonAsync("api/v1/admin/crm/disconnect", new { cleanUp = true })),
            ("GET disconnects", () => seller.GetAsync("api/v1/admin/crm/disconnects")),
        };
        foreach (var (name, send) in requests)
        {
            using var response = await send();
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
        }

        var connection = await host.StoredConnectionAsync(contract.Id);
        connection.Status.ShouldBe(OrgConnectionStatus.Connected);
        connection.LastCheckedAt.ShouldBeNull();
        (await host.AlertsAsync(contract.Id)).ShouldHaveSingleItem().ResolvedAt.ShouldBeNull();
    }
}
