using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Contracts;
using SalesBridge.Leads;
using SalesBridge.Paging;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminSeatsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSeats_Admin_ShowsOwnContractsSeatHolders(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var seats = await admin.GetFromJsonAsync<Page<SeatSummary>>("api/v1/admin/seats", ApiSignIn.Json);

        seats!.TotalCount.ShouldBe(3);
        seats.Items.Select(s => s.UserId).ShouldBe([mine.AdminSeatHolder.Id, mine.SeatHolder.Id, mine.OtherSeatHolder.Id], ignoreOrder: true);
        seats.Items.Single(s => s.UserId == mine.SeatHolder.Id).Email.ShouldBe(mine.SeatHolder.Email);
        seats.Items.ShouldAllBe(s => s.AssignedAt > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignSeat_UserWithoutSeat_Is200AndRepeatingKeepsTheSameSeat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 4);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var first = await admin.PutAsync($"api/v1/admin/users/{mine.Admin.Id}/seat", null);
        var again = await admin.PutAsync($"api/v1/admin/users/{mine.Admin.Id}/seat", null);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seat = await first.Content.ReadFromJsonAsync<SeatSummary>(ApiSignIn.Json);
        (await again.Content.ReadFromJsonAsync<SeatSummary>(ApiSignIn.Json))!.Id.ShouldBe(seat!.Id);
        seat.UserId.ShouldBe(mine.Admin.Id);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(4);
        (await admin.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json))!.HasSeat.ShouldBeTrue();
        (await admin.GetFromJsonAsync<Page<SeatSummary>>("api/v1/admin/seats", ApiSignIn.Json))!.Items.ShouldContain(s => s.Id == seat.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignSeat_AlreadySeatedWhenFull_IsStill200(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 3);
        using var admin = await host.ApiClientAsync(mine.Admin);

        (await admin.PutAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/seat", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignSeat_SeatCountReached_Is409AndNoSeatCreated(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 3);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PutAsync($"api/v1/admin/users/{mine.Admin.Id}/seat", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .ShouldBe("All 3 seats of the contract are assigned. Free a seat or raise the seat count.");
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.Admin.Id}", ApiSignIn.Json))!.SeatId.ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignSeat_ConcurrentRequestsForTheLastSeat_OnlyOneWins(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 4);
        using var admin = await host.ApiClientAsync(mine.Admin);
        var newcomers = new List<Guid>();
        for (var index = 0; index < 3; index++)
        {
            var created = await admin.PostAsJsonAsync("api/v1/admin/users",
                new { email = $"n{index}.{Guid.NewGuid():N}@test.example.com", displayName = $"Newcomer {index}", password = "Welcome2026x", assignSeat = false });
            newcomers.Add((await created.Content.ReadFromJsonAsync<ContractUserSummary>(ApiSignIn.Json))!.Id);
        }

        var responses = await Task.WhenAll(newcomers.Select(id => admin.PutAsync($"api/v1/admin/users/{id}/seat", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(2);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(4);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RemoveSeat_SeatHolder_Is204AndAccountAndSavedDataStay(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        await host.QueryAsync(async db =>
        {
            db.SavedLeads.Add(new SavedLead { ContractId = mine.Id, OwnerId = mine.SeatHolder.Id, PersonId = mine.PersonIds[1], SavedAt = DateTimeOffset.UtcNow, SavedByHand = true });
            return await db.SaveChangesAsync();
        });

        var response = await admin.DeleteAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/seat");
        var again = await admin.DeleteAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/seat");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var user = await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.SeatHolder.Id}", ApiSignIn.Json);
        user!.SeatId.ShouldBeNull();
        (await host.SeatCountAsync(mine.Id)).ShouldBe(2);
        (await host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.OwnerId == mine.SeatHolder.Id))).ShouldBe(1);
        (await admin.GetFromJsonAsync<ContractOverview>("api/v1/admin/contract", ApiSignIn.Json))!.SeatsFree.ShouldBe(3);
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        (await seller.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json))!.HasSeat.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSeats_BadPageSize_Is400NamingTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.GetAsync("api/v1/admin/seats?pageSize=201");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("pageSize")[0].GetString()
            .ShouldNotBeNull().ShouldContain("between 1 and 200");
    }
}
