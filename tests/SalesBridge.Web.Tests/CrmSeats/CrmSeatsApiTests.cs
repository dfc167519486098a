using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSeats;

/// <summary>Seats against the CRM's users through the API (SPEC S18, S19), on the collection's shared org, which these tests only read.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSeatsApiTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Seats_TiedByEmailToEnabledCrmUsers_OthersSayWhyNot(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        var person = CrmSeatsArrange.EnabledPeople(fixture.Emulator)[0];
        var disabled = CrmSeatsArrange.DisabledPerson(fixture.Emulator);
        // Compared trimmed and case-insensitively: the workspace keeps the email as typed.
        var tiedSeat = await host.AddUserAsync(contract.Id, person.InternalEmailAddress.ToUpperInvariant(), "Tied Seller");
        var disabledSeat = await host.AddUserAsync(contract.Id, disabled.InternalEmailAddress, "Left Seller");
        using var api = await host.ApiClientAsync(contract.Admin);

        var notConnected = await api.SeatAsync(tiedSeat);
        notConnected.GetProperty("inCrm").GetBoolean().ShouldBeFalse();
        notConnected.GetProperty("notInCrmReason").GetString().ShouldBe(SeatCrmReasons.NotConnected);
        notConnected.GetProperty("syncs").GetBoolean().ShouldBeFalse();
        (await api.PostAsync("api/v1/admin/crm/users/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        (await api.SeatAsync(tiedSeat)).GetProperty("notInCrmReason").GetString().ShouldBe(SeatCrmReasons.NotRefreshed);

        var refreshed = await api.RefreshAsync();
        refreshed.GetProperty("userCount").GetInt32().ShouldBe(fixture.Emulator.World.Users.Count);
        // The integration (application) user and the disabled user are not people a seat is tied to.
        refreshed.GetProperty("enabledUserCount").GetInt32().ShouldBe(CrmSeatsArrange.EnabledPeople(fixture.Emulator).Count);

        var tied = await api.SeatAsync(tiedSeat);
        tied.GetProperty("inCrm").GetBoolean().ShouldBeTrue();
        tied.GetProperty("crmUserName").GetString().ShouldBe(person.FullName);
        tied.GetProperty("notInCrmReason").ValueKind.ShouldBe(JsonValueKind.Null);
        tied.GetProperty("syncs").GetBoolean().ShouldBeTrue();
        tied.GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.AutoSync);
        tied.GetProperty("email").GetString().ShouldBe(person.InternalEmailAddress.ToUpperInvariant());
        var left = await api.SeatAsync(disabledSeat);
        left.GetProperty("inCrm").GetBoolean().ShouldBeFalse();
        left.GetProperty("notInCrmReason").GetString().ShouldBe(SeatCrmReasons.CrmUserDisabled);
        left.GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.NotInCrm);
        var stranger = (await api.GetFromJsonAsync<JsonElement>("api/v1/admin/seats?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("email").GetString() == contract.SeatHolder.Email);
        stranger.GetProperty("notInCrmReason").GetString().ShouldBe(SeatCrmReasons.NoCrmUser);

        // The snapshot is replaced, not added to.
        await api.RefreshAsync();
        (await host.QueryAsync(db => db.CrmUserSnapshots.CountAsync(u => u.ContractId == contract.Id))).ShouldBe(fixture.Emulator.World.Users.Count);
        var users = await api.GetFromJsonAsync<JsonElement>("api/v1/admin/crm/users");
        users.GetProperty("users").GetProperty("totalCount").GetInt32().ShouldBe(fixture.Emulator.World.Users.Count);
        users.GetProperty("users").GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("systemUserId").GetGuid() == person.Id).GetProperty("seatHolderName").GetString().ShouldBe("Tied Seller");
        (await api.WithoutSeatAsync()).Select(u => u.GetProperty("systemUserId").GetGuid())
            .ShouldBe(CrmSeatsArrange.EnabledPeople(fixture.Emulator).Where(u => u.Id != person.Id).Select(u => u.Id), ignoreOrder: true);

        // Disconnected: no seat is in CRM, whatever the last read said.
        await host.SetConnectionStatusAsync(contract.Id, OrgConnectionStatus.Disconnected);
        (await api.SeatAsync(tiedSeat)).GetProperty("notInCrmReason").GetString().ShouldBe(SeatCrmReasons.NotConnected);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CrmSync_PerSeat_CountsWithAutoSyncOff_KeptWithAutoSyncOn_NeverWhilePaused(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        var seat = await host.AddUserAsync(contract.Id, CrmSeatsArrange.EnabledPeople(fixture.Emulator)[1].InternalEmailAddress, "Seller In CRM");
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        await api.RefreshAsync();
        await host.SetAutoSyncAsync(contract.Id, false);

        var off = await api.SeatAsync(seat);
        (off.GetProperty("inCrm").GetBoolean(), off.GetProperty("crmSyncEnabled").GetBoolean(), off.GetProperty("syncs").GetBoolean()).ShouldBe((true, false, false));
        off.GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.SeatNotEnabled);

        var enabled = await api.PutAsJsonAsync($"api/v1/admin/seats/{seat}/crm-sync", new { enabled = true });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var answer = await enabled.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("crmSyncEnabled").GetBoolean(), answer.GetProperty("syncs").GetBoolean()).ShouldBe((true, true));
        (await api.SeatAsync(seat)).GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.SeatEnabled);

        // A seat not in CRM may be enabled, but does not sync until it is tied.
        var strangerSeat = await host.QueryAsync(db => db.Seats.Where(s => s.UserId == contract.SeatHolder.Id).Select(s => s.Id).SingleAsync());
        var stranger = await (await api.PutAsJsonAsync($"api/v1/admin/seats/{strangerSeat}/crm-sync", new { enabled = true })).Content.ReadFromJsonAsync<JsonElement>();
        (stranger.GetProperty("crmSyncEnabled").GetBoolean(), stranger.GetProperty("syncs").GetBoolean()).ShouldBe((true, false));

        // Bad input: named, nothing changed.
        var bad = await api.PutAsJsonAsync($"api/v1/admin/seats/{seat}/crm-sync", new { });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("enabled");
        (await api.SeatAsync(seat)).GetProperty("crmSyncEnabled").GetBoolean().ShouldBeTrue();

        (await api.PutAsJsonAsync($"api/v1/admin/seats/{seat}/crm-sync", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.SeatAsync(seat)).GetProperty("syncs").GetBoolean().ShouldBeFalse();

        // Auto sync on: every tied seat syncs; the seat's own choice (off) is kept for later.
        await host.SetAutoSyncAsync(contract.Id, true);
        var auto = await api.SeatAsync(seat);
        (auto.GetProperty("crmSyncEnabled").GetBoolean(), auto.GetProperty("syncs").GetBoolean()).ShouldBe((false, true));
        auto.GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.AutoSync);

        // Paused (B8): still in CRM, but nothing syncs.
        await host.SetConnectionStatusAsync(contract.Id, OrgConnectionStatus.Paused);
        var paused = await api.SeatAsync(seat);
        (paused.GetProperty("inCrm").GetBoolean(), paused.GetProperty("syncs").GetBoolean()).ShouldBe((true, false));
        paused.GetProperty("syncReason").GetString().ShouldBe(SeatCrmReasons.SyncPaused);
        await host.SetConnectionStatusAsync(contract.Id, OrgConnectionStatus.Failing);
        (await api.SeatAsync(seat)).GetProperty("syncs").GetBoolean().ShouldBeTrue();

        // Another contract's seat: 404, and it is not changed.
        var other = await host.CreateAsync();
        var theirSeat = await host.QueryAsync(db => db.Seats.Where(s => s.UserId == other.SeatHolder.Id).Select(s => s.Id).SingleAsync());
        (await api.PutAsJsonAsync($"api/v1/admin/seats/{theirSeat}/crm-sync", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.QueryAsync(db => db.Seats.Where(s => s.Id == theirSeat).Select(s => s.CrmSyncEnabled).SingleAsync())).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignFromCrm_OneThenTheRest_MakesUsersWithoutPasswordAndSeats(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        await api.RefreshAsync();
        var people = CrmSeatsArrange.EnabledPeople(fixture.Emulator);
        (await api.WithoutSeatAsync()).Count.ShouldBe(people.Count);
        // A user of this contract without a seat, whose email is a CRM user's: gets the seat, no second user.
        var existing = await host.AddUserAsync(contract.Id, people[2].InternalEmailAddress, "Already Here", seat: false);

        var one = await AssignAsync(api, people[0].Id);
        one.StatusCode.ShouldBe(HttpStatusCode.OK, await one.Content.ReadAsStringAsync());
        var first = await one.Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("assigned").GetArrayLength().ShouldBe(1);
        first.GetProperty("assigned")[0].GetProperty("displayName").GetString().ShouldBe(people[0].FullName);
        first.GetProperty("seatsFree").GetInt32().ShouldBe(10 - 4);
        var made = await host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == people[0].InternalEmailAddress.ToUpperInvariant()));
        (made.ContractId, made.DisplayName, made.PasswordHash, made.IsContractAdmin).ShouldBe((contract.Id, people[0].FullName, (string?)null, false));
        (await api.WithoutSeatAsync()).Count.ShouldBe(people.Count - 1);

        var rest = await (await AssignAsync(api, [.. people.Skip(1).Select(p => p.Id), people[0].Id])).Content.ReadFromJsonAsync<JsonElement>();
        rest.GetProperty("assigned").EnumerateArray().Select(s => s.GetProperty("email").GetString())
            .ShouldBe(people.Skip(1).Select(p => p.InternalEmailAddress), ignoreOrder: true);
        rest.GetProperty("alreadySeated").GetArrayLength().ShouldBe(1);
        (await host.QueryAsync(db => db.Seats.AnyAsync(s => s.UserId == existing))).ShouldBeTrue();
        (await host.UserCountAsync(contract.Id)).ShouldBe(4 + people.Count);
        (await host.SeatCountAsync(contract.Id)).ShouldBe(3 + people.Count);
        (await api.WithoutSeatAsync()).ShouldBeEmpty();
        (await api.SeatAsync(first.GetProperty("assigned")[0].GetProperty("id").GetGuid())).GetProperty("inCrm").GetBoolean().ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignFromCrm_MorePicksThanFreeSeats_AssignsNoneAndSaysHowMany(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 5); // 3 seats used: 2 free
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        await api.RefreshAsync();
        var people = CrmSeatsArrange.EnabledPeople(fixture.Emulator);
        people.Count.ShouldBe(3);

        var response = await AssignAsync(api, [.. people.Select(p => p.Id)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(AssignSeatsFromCrm.TooManyMessage(2, 3));
        AssignSeatsFromCrm.TooManyMessage(2, 3).ShouldStartWith("Only 2 seats are free, but you picked 3 CRM users");
        (await host.SeatCountAsync(contract.Id)).ShouldBe(3);
        (await host.UserCountAsync(contract.Id)).ShouldBe(4);
        (await AssignAsync(api, people[0].Id, people[1].Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.SeatCountAsync(contract.Id)).ShouldBe(5);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignFromCrm_EmailOfAnotherContractsUserOrDisabled_RefusesThatOneAndAssignsTheRest(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        var other = await host.CreateAsync();
        var people = CrmSeatsArrange.EnabledPeople(fixture.Emulator);
        await host.AddUserAsync(other.Id, people[0].InternalEmailAddress, "Other Contract's User");
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);
        await api.RefreshAsync();
        var disabled = CrmSeatsArrange.DisabledPerson(fixture.Emulator);

        var result = await (await AssignAsync(api, people[0].Id, people[1].Id, disabled.Id)).Content.ReadFromJsonAsync<JsonElement>();

        result.GetProperty("assigned").EnumerateArray().Select(s => s.GetProperty("email").GetString()).ShouldBe([people[1].InternalEmailAddress]);
        var refused = result.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("systemUserId").GetGuid(), r => r.GetProperty("reason").GetString());
        refused[people[0].Id].ShouldBe(AssignSeatsFromCrm.OtherContractReason);
        refused[disabled.Id].ShouldBe(AssignSeatsFromCrm.DisabledReason);
        (await host.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == people[0].InternalEmailAddress.ToUpperInvariant()).Select(u => u.ContractId).SingleAsync()))
            .ShouldBe(other.Id);

        // Bad input names the field; an id that is not one of the contract's CRM users is 404; nothing changes.
        var seats = await host.SeatCountAsync(contract.Id);
        var empty = await AssignAsync(api);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("systemUserIds");
        (await api.PostAsJsonAsync("api/v1/admin/crm/assign-seats", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AssignAsync(api, people[2].Id, Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SeatCountAsync(contract.Id)).ShouldBe(seats);
        (await api.GetAsync("api/v1/admin/crm/users?pageSize=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatHolder_IsRefusedEveryCrmSeatEndpointAndPage(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var seat = await host.QueryAsync(db => db.Seats.Where(s => s.UserId == contract.SeatHolder.Id).Select(s => s.Id).SingleAsync());
        using var api = await host.ApiClientAsync(contract.SeatHolder);

        (await api.GetAsync("api/v1/admin/crm/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("api/v1/admin/crm/users?withoutSeat=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync("api/v1/admin/crm/users/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutAsJsonAsync($"api/v1/admin/seats/{seat}/crm-sync", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AssignAsync(api, fixture.Emulator.World.Admin.Id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("api/v1/admin/seats")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.QueryAsync(db => db.CrmUserSnapshots.CountAsync(u => u.ContractId == contract.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.Seats.Where(s => s.Id == seat).Select(s => s.CrmSyncEnabled).SingleAsync())).ShouldBeFalse();

        using var pages = await host.PageClientAsync(contract.SeatHolder);
        (await pages.GetAsync("Admin/AssignSeatsFromCrm")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await pages.GetAsync("Admin/Seats")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> AssignAsync(HttpClient api, params Guid[] ids) =>
        api.PostAsJsonAsync("api/v1/admin/crm/assign-seats", new { systemUserIds = ids });
}
