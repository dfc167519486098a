using System.Net;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminPagesTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminPages_SeatHolderWithoutAdminRight_ShowNotAllowedPage(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var seller = await host.PageClientAsync(mine.SeatHolder);

        foreach (var path in new[] { "Admin", "Admin/Seats" })
        {
            var response = await seller.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Not allowed");
        }

        var post = await seller.PostAsync($"Admin/Seats?handler=AssignSeat&userId={mine.Admin.Id}", new FormUrlEncodedContent([]));
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminSettings_Admin_ShowsContractAndCrmNotConnected(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.PageClientAsync(mine.Admin);

        var html = await admin.GetStringAsync("Admin");

        html.ShouldContain("<h1>Admin Settings</h1>");
        html.ShouldContain("Test Co ");
        html.ShouldContain("Advanced");
        html.ShouldContain("3 of 5 seats assigned");
        html.ShouldContain("CRM Settings");
        html.ShouldContain("Not connected");
        html.ShouldNotContain("Connect to CRM</button>");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AdminSettings_Save_RedirectsWithNoticeAndErrorsShowNextToFields(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.PageClientAsync(mine.Admin);

        var tooFew = await admin.PostFormAsync("Admin", new() { ["Input.CompanyName"] = "Renamed", ["Input.SeatCount"] = "2" });
        var noName = await admin.PostFormAsync("Admin", new() { ["Input.CompanyName"] = "", ["Input.SeatCount"] = "5" });
        var saved = await admin.PostFormAsync("Admin", new() { ["Input.CompanyName"] = "Renamed AG", ["Input.SeatCount"] = "8" });

        tooFew.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tooFew.Content.ReadAsStringAsync()).ShouldContain("cannot go below 3");
        noName.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noName.Content.ReadAsStringAsync()).ShouldContain("companyName is required.");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetStringAsync("Admin");
        after.ShouldContain("Contract settings saved.");
        after.ShouldContain("Renamed AG");
        after.ShouldContain("3 of 8 seats assigned");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_Admin_ShowsUsageUsersAndAddForm(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 10);
        using var admin = await host.PageClientAsync(mine.Admin);

        var html = await admin.GetStringAsync("Admin/Seats");

        html.ShouldContain("<h1>Seat Management</h1>");
        html.ShouldContain("3 of 10 seats assigned");
        html.ShouldContain(mine.SeatHolder.Email);
        html.ShouldContain("Assign seat");
        html.ShouldContain("Remove seat");
        html.ShouldContain("Make admin");
        html.ShouldContain("Remove admin");
        html.ShouldContain("data-confirm=");
        html.ShouldContain("Contract admin");
        html.ShouldContain("Assign a seat");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_SearchAndPage_ShowMatchingUsersOrTheEmptyState(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.PageClientAsync(mine.Admin);

        var found = await admin.GetStringAsync("Admin/Seats?query=SELLER2&page=1");
        var none = await admin.GetStringAsync("Admin/Seats?query=nobody-like-this");

        found.ShouldContain(mine.OtherSeatHolder.Email);
        found.ShouldNotContain(mine.SeatHolder.Email);
        none.ShouldContain("email matches your search.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_AddUser_WeakPasswordShowsErrorThenValidUserIsAdded(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 10);
        using var admin = await host.PageClientAsync(mine.Admin);
        var email = $"page.{Guid.NewGuid():N}@test.example.com";
        Dictionary<string, string> Form(string password) => new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Paula Page", ["Input.Password"] = password,
            ["Input.IsContractAdmin"] = "false", ["Input.AssignSeat"] = "true",
        };

        var weak = await admin.PostFormAsync("Admin/Seats?handler=Add", Form("short"));
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        var weakHtml = await weak.Content.ReadAsStringAsync();
        weakHtml.ShouldContain("data-valmsg-for=\"Input.Password\"");
        weakHtml.ShouldContain("at least 8 characters");
        (await host.UserCountAsync(mine.Id)).ShouldBe(4);

        var added = await admin.PostFormAsync("Admin/Seats?handler=Add", Form("Welcome2026x"));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await admin.GetStringAsync("Admin/Seats");
        list.ShouldContain("Paula Page was added with a seat.");
        list.ShouldContain("4 of 10 seats assigned");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_AssignSeatWhenFull_ShowsTheReasonAndChangesNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 3);
        using var admin = await host.PageClientAsync(mine.Admin);

        var response = await admin.PostFormAsync($"Admin/Seats?handler=AssignSeat&userId={mine.Admin.Id}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("All 3 seats of the contract are assigned. Free a seat or raise the seat count.");
        (await host.SeatCountAsync(mine.Id)).ShouldBe(3);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatManagement_RemoveSeat_RedirectsAndFreesTheSeat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync(seatCount: 5);
        using var admin = await host.PageClientAsync(mine.Admin);

        var response = await admin.PostFormAsync($"Admin/Seats?handler=RemoveSeat&userId={mine.SeatHolder.Id}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.SeatCountAsync(mine.Id)).ShouldBe(2);
        (await admin.GetStringAsync("Admin/Seats")).ShouldContain("2 of 5 seats assigned");
    }
}
