using System.Net;
using System.Net.Http.Json;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin;

/// <summary>Every admin endpoint refuses callers without the admin right, and changes nothing for them.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AdminAccessTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminEndpoints_SeatHolderWithoutAdminRight_Are403AndChangeNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        var target = mine.OtherSeatHolder.Id;
        var before = await host.QueryAsync(db => Task.FromResult(
            (Name: db.Contracts.Single(c => c.Id == mine.Id).CompanyName, Seats: db.Seats.Count(s => s.ContractId == mine.Id),
                Users: db.Users.Count(u => u.ContractId == mine.Id), Admins: db.Users.Count(u => u.ContractId == mine.Id && u.IsContractAdmin))));

        var requests = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET contract", () => seller.GetAsync("api/v1/admin/contract")),
            ("PATCH contract", () => seller.PatchAsJsonAsync("api/v1/admin/contract", new { companyName = "Taken over", seatCount = 50 })),
            ("GET users", () => seller.GetAsync("api/v1/admin/users")),
            ("GET user", () => seller.GetAsync($"api/v1/admin/users/{target}")),
            ("POST users", () => seller.PostAsJsonAsync("api/v1/admin/users",
                new { email = $"intruder.{Guid.NewGuid():N}@test.example.com", displayName = "Intruder", password = "Intruder2026", isContractAdmin = true, assignSeat = false })),
            ("DELETE user", () => seller.DeleteAsync($"api/v1/admin/users/{target}")),
            ("PUT seat", () => seller.PutAsync($"api/v1/admin/users/{mine.Admin.Id}/seat", null)),
            ("DELETE seat", () => seller.DeleteAsync($"api/v1/admin/users/{target}/seat")),
            ("PUT admin", () => seller.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/admin", new { isContractAdmin = true })),
            ("GET seats", () => seller.GetAsync("api/v1/admin/seats")),
        };
        foreach (var (name, send) in requests)
        {
            using var response = await send();
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, name);
        }

        var after = await host.QueryAsync(db => Task.FromResult(
            (Name: db.Contracts.Single(c => c.Id == mine.Id).CompanyName, Seats: db.Seats.Count(s => s.ContractId == mine.Id),
                Users: db.Users.Count(u => u.ContractId == mine.Id), Admins: db.Users.Count(u => u.ContractId == mine.Id && u.IsContractAdmin))));
        after.ShouldBe(before);
    }

    [Fact]
    public async Task AdminEndpoints_WithoutToken_Are401()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        using var client = host.CreateClient();

        (await client.GetAsync("api/v1/admin/contract")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheAdminAndMeEndpoints()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        using var client = host.CreateClient();

        var document = await client.GetStringAsync("api/v1/openapi.json");

        foreach (var path in new[] { "/api/v1/me", "/api/v1/admin/contract", "/api/v1/admin/users", "/api/v1/admin/users/{userId}/seat",
                     "/api/v1/admin/users/{userId}/admin", "/api/v1/admin/seats" })
        {
            document.ShouldContain($"\"{path}\"");
        }
    }
}
