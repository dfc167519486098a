using System.Net;
using System.Net.Http.Json;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Me;

[Collection(WorkspaceCollection.Name)]
public sealed class MeApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetMe_AdminWithoutSeat_IsAdminWithoutSeat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.Admin);

        var me = await client.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json);

        me!.Id.ShouldBe(mine.Admin.Id);
        me.Email.ShouldBe(mine.Admin.Email);
        me.DisplayName.ShouldStartWith("admin ");
        me.ContractId.ShouldBe(mine.Id);
        me.CompanyName.ShouldStartWith("Test Co ");
        me.IsContractAdmin.ShouldBeTrue();
        me.HasSeat.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetMe_SeatHolder_HasSeatNotAdmin(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var me = await client.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json);

        me!.Id.ShouldBe(mine.SeatHolder.Id);
        me.ContractId.ShouldBe(mine.Id);
        me.IsContractAdmin.ShouldBeFalse();
        me.HasSeat.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetMe_SeatRemovedAfterSignIn_ShowsNoSeatWithSameToken(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        using var admin = await host.ApiClientAsync(mine.Admin);
        (await seller.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json))!.HasSeat.ShouldBeTrue();

        (await admin.DeleteAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/seat")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var me = await seller.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json);
        me!.HasSeat.ShouldBeFalse();
        me.Id.ShouldBe(mine.SeatHolder.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetMe_AdminRightGranted_ShowsAdminWithSameToken(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        using var admin = await host.ApiClientAsync(mine.Admin);

        (await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/admin", new { isContractAdmin = true })).EnsureSuccessStatusCode();

        (await seller.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json))!.IsContractAdmin.ShouldBeTrue();
        (await seller.GetAsync("api/v1/admin/contract")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetMe_WithoutToken_Is401()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        using var client = host.CreateClient();

        (await client.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
