using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Leads;
using SalesBridge.Paging;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminUsersApiTests(WorkspaceFixture fixture)
{
    private const string GoodPassword = "Welcome2026x";

    private static object NewUser(string email, bool assignSeat = true, bool isContractAdmin = false, string password = GoodPassword) =>
        new { email, displayName = "New Seller", password, isContractAdmin, assignSeat };

    private static string UniqueEmail() => $"new.{Guid.NewGuid():N}@test.example.com";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListUsers_Admin_ShowsOwnContractWithRolesAndSeats(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var page = await admin.GetFromJsonAsync<Page<ContractUserSummary>>("api/v1/admin/users", ApiSignIn.Json);

        page!.TotalCount.ShouldBe(4);
        page.Items.Select(u => u.Id).ShouldBe([mine.Admin.Id, mine.AdminSeatHolder.Id, mine.SeatHolder.Id, mine.OtherSeatHolder.Id], ignoreOrder: true);
        var adminRow = page.Items.Single(u => u.Id == mine.Admin.Id);
        adminRow.IsContractAdmin.ShouldBeTrue();
        adminRow.SeatId.ShouldBeNull();
        adminRow.Email.ShouldBe(mine.Admin.Email);
        adminRow.LockedOutUntil.ShouldBeNull();
        var seller = page.Items.Single(u => u.Id == mine.SeatHolder.Id);
        seller.IsContractAdmin.ShouldBeFalse();
        seller.SeatId.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListUsers_QueryAndPaging_MatchNameOrEmailIgnoringCase(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var byName = await admin.GetFromJsonAsync<Page<ContractUserSummary>>("api/v1/admin/users?query=SELLER2", ApiSignIn.Json);
        var byEmail = await admin.GetFromJsonAsync<Page<ContractUserSummary>>("api/v1/admin/users?query=lead-admin.", ApiSignIn.Json);
        var paged = await admin.GetFromJsonAsync<Page<ContractUserSummary>>("api/v1/admin/users?pageSize=3&page=2", ApiSignIn.Json);

        byName!.Items.Select(u => u.Id).ShouldBe([mine.OtherSeatHolder.Id]);
        byEmail!.Items.Select(u => u.Id).ShouldBe([mine.AdminSeatHolder.Id]);
        paged!.TotalCount.ShouldBe(4);
        paged.Items.Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListUsers_BadPaging_Is400NamingTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.GetAsync($"api/v1/admin/users?pageSize=0&query={new string('q', 101)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("pageSize")[0].GetString().ShouldNotBeNull().ShouldContain("between 1 and 200");
        errors.GetProperty("query")[0].GetString().ShouldNotBeNull().ShouldContain("at most 100");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_WithSeat_Is201AndTheUserCanSignInWithASeat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.ApiClientAsync(mine.Admin);
        var email = UniqueEmail();

        var response = await admin.PostAsJsonAsync("api/v1/admin/users", NewUser(email, assignSeat: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<ContractUserSummary>(ApiSignIn.Json);
        created!.Email.ShouldBe(email);
        created.DisplayName.ShouldBe("New Seller");
        created.SeatId.ShouldNotBeNull();
        created.IsContractAdmin.ShouldBeFalse();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/admin/users/{created.Id}");
        var read = await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{created.Id}", ApiSignIn.Json);
        read!.SeatId.ShouldBe(created.SeatId);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(4);

        using var newcomer = host.CreateClient();
        var token = await newcomer.PostAsJsonAsync("api/v1/auth/token", new { email, password = GoodPassword });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        newcomer.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var me = await newcomer.GetFromJsonAsync<MyProfile>("api/v1/me", ApiSignIn.Json);
        me!.ContractId.ShouldBe(mine.Id);
        me.HasSeat.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_AdminWithoutSeat_IsAdminWithoutSeat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 3);
        using var admin = await host.ApiClientAsync(mine.Admin);

        // Every seat is taken, which does not matter without one.
        var response = await admin.PostAsJsonAsync("api/v1/admin/users", NewUser(UniqueEmail(), assignSeat: false, isContractAdmin: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<ContractUserSummary>(ApiSignIn.Json);
        created!.IsContractAdmin.ShouldBeTrue();
        created.SeatId.ShouldBeNull();
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{created.Id}", ApiSignIn.Json))!.IsContractAdmin.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_NoSeatFree_Is409AndNoUserOrSeatCreated(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 3);
        using var admin = await host.ApiClientAsync(mine.Admin);
        var email = UniqueEmail();

        var response = await admin.PostAsJsonAsync("api/v1/admin/users", NewUser(email, assignSeat: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .ShouldBe("All 3 seats of the contract are assigned. Free a seat or raise the seat count.");
        (await host.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()))).ShouldBeFalse();
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_EmailOfAnotherContractsUser_Is409AndNothingCreated(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PostAsJsonAsync("api/v1/admin/users", NewUser(theirs.SeatHolder.Email.ToUpperInvariant()));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("A user with this email already exists.");
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
        (await host.QueryAsync(db => db.Users.SingleAsync(u => u.Id == theirs.SeatHolder.Id))).ContractId.ShouldBe(theirs.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_WeakPassword_Is400NamingPasswordAndNothingCreated(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PostAsJsonAsync("api/v1/admin/users", NewUser(UniqueEmail(), password: "weak"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var messages = errors.GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        messages.ShouldContain(m => m!.Contains("at least 8 characters"));
        messages.ShouldContain(m => m!.Contains("digit"));
        messages.ShouldContain(m => m!.Contains("uppercase"));
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(BadNewUsers))]
    public async Task CreateUser_BadInput_Is400NamingTheFieldAndNothingCreated(string database, string body, string field, string message)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PostAsync("api/v1/admin/users", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty(field)[0].GetString().ShouldNotBeNull().ShouldContain(message);
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);
    }

    public static TheoryData<string, string, string, string> BadNewUsers()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var database in ((IEnumerable<object[]>)TestDatabases.All).Select(row => (string)row[0]))
        {
            data.Add(database, "{}", "email", "email is required.");
            data.Add(database, "{}", "displayName", "displayName is required.");
            data.Add(database, "{}", "password", "password is required.");
            data.Add(database, """{"email":"not-an-email","displayName":"X","password":"Welcome2026x"}""", "email", "valid email address");
            data.Add(database, $$"""{"email":"a@b.example","displayName":"{{new string('x', 201)}}","password":"Welcome2026x"}""", "displayName", "at most 200");
            data.Add(database, """{"email":"a@b.example","displayName":"   ","password":"Welcome2026x"}""", "displayName", "displayName is required.");
        }

        return data;
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DeleteUser_SeatHolder_RemovesAccountSeatAndSavedData(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        await host.QueryAsync(async db =>
        {
            db.SavedLeads.Add(new SavedLead { ContractId = mine.Id, OwnerId = mine.SeatHolder.Id, PersonId = mine.PersonIds[0], SavedAt = DateTimeOffset.UtcNow, SavedByHand = true });
            db.SavedLeads.Add(new SavedLead { ContractId = mine.Id, OwnerId = mine.OtherSeatHolder.Id, PersonId = mine.PersonIds[0], SavedAt = DateTimeOffset.UtcNow, SavedByHand = true });
            return await db.SaveChangesAsync();
        });

        var response = await admin.DeleteAsync($"api/v1/admin/users/{mine.SeatHolder.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"api/v1/admin/users/{mine.SeatHolder.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.UserCountAsync(mine.Id)).ShouldBe(3);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(2);
        (await host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.OwnerId == mine.SeatHolder.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.SavedLeads.CountAsync(l => l.OwnerId == mine.OtherSeatHolder.Id))).ShouldBe(1);
        using var signIn = host.CreateClient();
        (await signIn.PostAsJsonAsync("api/v1/auth/token", new { email = mine.SeatHolder.Email, password = TestContracts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DeleteUser_Yourself_Is409AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.DeleteAsync($"api/v1/admin/users/{mine.Admin.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("your own account");
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DeleteUser_OtherAdmin_IsAllowedWhileAnAdminRemains(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        (await admin.DeleteAsync($"api/v1/admin/users/{mine.AdminSeatHolder.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await host.QueryAsync(db => db.Users.CountAsync(u => u.ContractId == mine.Id && u.IsContractAdmin))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UserEndpoints_AnotherContractsOrUnknownUser_Are404AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        foreach (var id in new[] { theirs.SeatHolder.Id, theirs.Admin.Id, Guid.NewGuid() })
        {
            (await admin.GetAsync($"api/v1/admin/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await admin.DeleteAsync($"api/v1/admin/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await admin.PutAsJsonAsync($"api/v1/admin/users/{id}/admin", new { isContractAdmin = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await admin.PutAsync($"api/v1/admin/users/{id}/seat", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var removeSeat = await admin.DeleteAsync($"api/v1/admin/users/{id}/seat");
            removeSeat.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await removeSeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe($"User {id} was not found.");
        }

        (await host.UserCountAsync(theirs.Id)).ShouldBe(4);
        (await host.SeatCountAsync(theirs.Id)).ShouldBe(3);
        (await host.QueryAsync(db => db.Users.CountAsync(u => u.ContractId == theirs.Id && u.IsContractAdmin))).ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetAdmin_PromoteThenDemote_IsSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var promoted = await (await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/admin", new { isContractAdmin = true }))
            .Content.ReadFromJsonAsync<ContractUserSummary>(ApiSignIn.Json);
        promoted!.IsContractAdmin.ShouldBeTrue();
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.SeatHolder.Id}", ApiSignIn.Json))!.IsContractAdmin.ShouldBeTrue();

        var demoted = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/admin", new { isContractAdmin = false });
        demoted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.SeatHolder.Id}", ApiSignIn.Json))!.IsContractAdmin.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetAdmin_DemotingTheLastAdmin_Is409AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        (await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.AdminSeatHolder.Id}/admin", new { isContractAdmin = false })).EnsureSuccessStatusCode();

        var response = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.Admin.Id}/admin", new { isContractAdmin = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("last admin of the contract");
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.Admin.Id}", ApiSignIn.Json))!.IsContractAdmin.ShouldBeTrue();
        (await host.QueryAsync(db => db.Users.CountAsync(u => u.ContractId == mine.Id && u.IsContractAdmin))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetAdmin_DemotingYourselfWhileAnotherAdminRemains_TakesEffectAtOnce(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.AdminSeatHolder);

        (await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.AdminSeatHolder.Id}/admin", new { isContractAdmin = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.GetAsync("api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetAdmin_MissingValue_Is400NamingTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        var response = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/admin", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("isContractAdmin")[0].GetString()
            .ShouldBe("isContractAdmin is required.");
        (await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.SeatHolder.Id}", ApiSignIn.Json))!.IsContractAdmin.ShouldBeFalse();
    }
}
