using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Contracts;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminContractApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetContract_Admin_ShowsOwnContractFigures(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        await host.CreateAsync(seatCount: 9);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var overview = await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json);

        overview!.Id.ShouldBe(mine.Id);
        overview.CompanyName.ShouldStartWith("Test Co ");
        overview.Edition.ShouldBe(ContractEdition.Advanced);
        overview.SeatCount.ShouldBe(5);
        overview.SeatsUsed.ShouldBe(3);
        overview.SeatsFree.ShouldBe(2);
        overview.AdminCount.ShouldBe(2);
        overview.UserCount.ShouldBe(4);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UpdateContract_NameAndSeatCount_AreSavedEditionStays(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        var theirs = await host.CreateAsync(seatCount: 5);
        using var admin = await host.ApiClientAsync(mine.AdminSeatHolder);

        var response = await admin.PatchAsJsonAsync("api/v1/admin/contract", new { companyName = "  Renamed GmbH  ", seatCount = 12 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json);
        read!.CompanyName.ShouldBe("Renamed GmbH");
        read.SeatCount.ShouldBe(12);
        read.SeatsFree.ShouldBe(9);
        read.Edition.ShouldBe(ContractEdition.Advanced);
        (await host.QueryAsync(db => Task.FromResult(db.Contracts.Single(c => c.Id == theirs.Id)))).SeatCount.ShouldBe(5);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UpdateContract_OnlySeatCount_KeepsName(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.ApiClientAsync(mine.Admin);
        var before = await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json);

        var updated = await (await admin.PatchAsJsonAsync("api/v1/admin/contract", new { seatCount = 3 })).Content.ReadFromJsonAsync<ContractOverview>(ApiSignIn.Json);

        updated!.CompanyName.ShouldBe(before!.CompanyName);
        updated.SeatCount.ShouldBe(3);
        updated.SeatsFree.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UpdateContract_SeatCountBelowSeatsInUse_Is409AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PatchAsJsonAsync("api/v1/admin/contract", new { companyName = "Should not stick", seatCount = 2 });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("cannot go below 3");
        var read = await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json);
        read!.SeatCount.ShouldBe(5);
        read.CompanyName.ShouldStartWith("Test Co ");
    }

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public async Task UpdateContract_BadInput_Is400NamingFieldAndUnchanged(string database, string body, string field, string message)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PatchAsync("api/v1/admin/contract", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldNotBeNull().ShouldContain(message);
        var read = await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json);
        read!.SeatCount.ShouldBe(5);
        read.CompanyName.ShouldStartWith("Test Co ");
    }

    public static TheoryData<string, string, string, string> BadUpdates()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var database in ((IEnumerable<object[]>)TestDatabases.All).Select(row => (string)row[0]))
        {
            data.Add(database, """{"companyName":"   "}""", "companyName", "companyName is required");
            data.Add(database, $$"""{"companyName":"{{new string('x', 201)}}"}""", "companyName", "at most 200");
            data.Add(database, """{"seatCount":0}""", "seatCount", "between 1 and");
            data.Add(database, """{"companyName":"Fine","seatCount":-4}""", "seatCount", "between 1 and");
        }

        return data;
    }
}
