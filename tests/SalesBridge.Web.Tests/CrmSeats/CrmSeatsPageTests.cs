using System.Net;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSeats;

/// <summary>Seat Management's CRM parts and <i>Assign seats from CRM</i> as server-rendered pages.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmSeatsPageTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_ReadsStaleCrmUsersOnOpening_ShowsInCrmAndWhyNot(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        var person = CrmSeatsArrange.EnabledPeople(fixture.Emulator)[0];
        await host.AddUserAsync(contract.Id, person.InternalEmailAddress, "Tied Seller");
        await host.AddUserAsync(contract.Id, CrmSeatsArrange.DisabledPerson(fixture.Emulator).InternalEmailAddress, "Left Seller");
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var client = await host.PageClientAsync(contract.Admin);

        // Never read: opening the page reads the CRM's users.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Seats"));
        html.ShouldContain("In CRM</span>");
        html.ShouldContain(person.FullName);
        html.ShouldContain(SeatCrmReasons.CrmUserDisabled);
        html.ShouldContain(SeatCrmReasons.NoCrmUser);
        html.ShouldContain("Refresh from CRM");
        html.ShouldContain("Enable CRM Sync");
        html.ShouldContain("Auto sync is on: every seat in CRM syncs.");
        var firstRead = await ReadAtAsync(host, contract.Id);
        firstRead.ShouldNotBeNull();

        // Fresh (under 15 minutes): not read again.
        await SetReadAtAsync(host, contract.Id, DateTimeOffset.UtcNow.AddMinutes(-5));
        await client.GetStringAsync("Admin/Seats");
        (await ReadAtAsync(host, contract.Id))!.Value.ShouldBeLessThan(DateTimeOffset.UtcNow.AddMinutes(-4));
        // Stale: read again.
        await SetReadAtAsync(host, contract.Id, DateTimeOffset.UtcNow.AddMinutes(-16));
        await client.GetStringAsync("Admin/Seats");
        (await ReadAtAsync(host, contract.Id))!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));

        var refreshed = await client.PostFormAsync("Admin/Seats?handler=RefreshCrm", []);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync(refreshed.Headers.Location!.OriginalString)).ShouldContain($"Read {fixture.Emulator.World.Users.Count} CRM users");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_EnableAndDisableCrmSync_SavesTheChoice_AnotherContractsSeatIs404(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 10);
        var seat = await host.AddUserAsync(contract.Id, CrmSeatsArrange.EnabledPeople(fixture.Emulator)[0].InternalEmailAddress, "Tied Seller");
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        await host.SetAutoSyncAsync(contract.Id, false);
        using var client = await host.PageClientAsync(contract.Admin);

        var enabled = await client.PostFormAsync($"Admin/Seats?handler=EnableCrmSync&seatId={seat}", []);
        enabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CrmSyncEnabledAsync(host, seat)).ShouldBeTrue();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Seats"));
        html.ShouldContain("CRM sync enabled for Tied Seller. " + SeatCrmReasons.SeatEnabled);
        html.ShouldContain("Disable CRM Sync");

        (await client.PostFormAsync($"Admin/Seats?handler=DisableCrmSync&seatId={seat}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CrmSyncEnabledAsync(host, seat)).ShouldBeFalse();

        var other = await host.CreateAsync();
        var theirSeat = await host.QueryAsync(db => db.Seats.Where(s => s.UserId == other.SeatHolder.Id).Select(s => s.Id).SingleAsync());
        (await client.PostFormAsync($"Admin/Seats?handler=EnableCrmSync&seatId={theirSeat}", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CrmSyncEnabledAsync(host, theirSeat)).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AssignSeatsFromCrm_OverTheFreeSeatsThenTwo_RefusesAllThenAssignsBoth(string database)
    {
        var host = await fixture.HostAsync(database);
        await host.ReleaseCrmEmailsAsync(fixture.Emulator);
        var contract = await host.CreateAsync(seatCount: 5);
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var client = await host.PageClientAsync(contract.Admin);
        var people = CrmSeatsArrange.EnabledPeople(fixture.Emulator);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("Admin/AssignSeatsFromCrm"));
        html.ShouldContain("2 seats are free.");
        html.ShouldContain("without a password");
        foreach (var person in people) html.ShouldContain($"value=\"{person.Id}\"");
        html.ShouldNotContain($"value=\"{CrmSeatsArrange.DisabledPerson(fixture.Emulator).Id}\"");
        html.ShouldNotContain($"value=\"{fixture.Emulator.World.IntegrationUser.Id}\"");

        var over = await client.PostFormAsync("Admin/AssignSeatsFromCrm", Picks(people.Select(p => p.Id)));
        over.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusal = WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync());
        refusal.ShouldContain(AssignSeatsFromCrm.TooManyMessage(2, 3));
        refusal.ShouldContain($"value=\"{people[0].Id}\" checked=\"checked\"");
        (await host.SeatCountAsync(contract.Id)).ShouldBe(3);

        var two = await client.PostFormAsync("Admin/AssignSeatsFromCrm", Picks(people.Take(2).Select(p => p.Id)));
        two.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        two.Headers.Location!.OriginalString.ShouldBe("/Admin/Seats");
        (await host.SeatCountAsync(contract.Id)).ShouldBe(5);
        WebUtility.HtmlDecode(await client.GetStringAsync("Admin/Seats")).ShouldContain($"2 CRM users now hold a seat: ");

        (await client.PostFormAsync("Admin/AssignSeatsFromCrm", Picks([Guid.NewGuid()]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string> Picks(IEnumerable<Guid> ids) =>
        ids.Select((id, index) => (id, index)).ToDictionary(p => $"SystemUserIds[{p.index}]", p => p.id.ToString());

    private static Task<DateTimeOffset?> ReadAtAsync(WorkspaceHost host, Guid contractId) =>
        host.QueryAsync(db => db.CrmUserSnapshots.Where(u => u.ContractId == contractId).MaxAsync(u => (DateTimeOffset?)u.RefreshedAt));

    private static Task<int> SetReadAtAsync(WorkspaceHost host, Guid contractId, DateTimeOffset at) =>
        host.QueryAsync(db => db.CrmUserSnapshots.Where(u => u.ContractId == contractId).ExecuteUpdateAsync(u => u.SetProperty(x => x.RefreshedAt, at)));

    private static Task<bool> CrmSyncEnabledAsync(WorkspaceHost host, Guid seatId) =>
        host.QueryAsync(db => db.Seats.Where(s => s.Id == seatId).Select(s => s.CrmSyncEnabled).SingleAsync());
}
