using System.Net;
using System.Net.Http.Json;
using SalesBridge.Accounts;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;
using SalesBridge.Web.Tests.Api.Lists;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Accounts;

[Collection(WorkspaceCollection.Name)]
public sealed class AccountsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveAccount_NewCompany_Is201AndReadable(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/accounts", new { companyId = mine.CompanyIds[1] });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = (await response.Content.ReadFromJsonAsync<SavedAccountSummary>(ApiSignIn.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/accounts/{account.Id}");
        account.CompanyId.ShouldBe(mine.CompanyIds[1]);
        account.Name.ShouldBe("Northwind Traders");
        account.SavedByHand.ShouldBeTrue();
        (await client.GetFromJsonAsync<SavedAccountSummary>($"api/v1/accounts/{account.Id}", ApiSignIn.Json))!.Name.ShouldBe("Northwind Traders");
        (await client.GetFromJsonAsync<CompanyDetails>($"api/v1/companies/{mine.CompanyIds[1]}", ApiSignIn.Json))!.SavedAccountId.ShouldBe(account.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveAccount_Twice_KeepsOneRowAndAnswers200(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var first = await client.SaveAccountAsync(mine.CompanyIds[0]);

        var again = await client.PostAsJsonAsync("api/v1/accounts", new { companyId = mine.CompanyIds[0] });

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<SavedAccountSummary>(ApiSignIn.Json))!.Id.ShouldBe(first.Id);
        (await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!.TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveAccount_CompanyOfAnotherContractOrBadInput_IsRefusedAndNothingSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var leadsList = await client.CreateListAsync("Hot", SavedListKind.Leads);

        var otherContract = await client.PostAsJsonAsync("api/v1/accounts", new { companyId = theirs.CompanyIds[0] });
        var missing = await client.PostAsJsonAsync("api/v1/accounts", new { listIds = Array.Empty<Guid>() });
        var wrongKind = await client.PostAsJsonAsync("api/v1/accounts", new { companyId = mine.CompanyIds[0], listIds = new[] { leadsList.Id } });

        otherContract.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherContract.DetailAsync()).ShouldContain("was not found");
        (await missing.FieldErrorAsync("companyId")).ShouldBe("companyId is required.");
        (await wrongKind.FieldErrorAsync("listIds")).ShouldContain("lists of accounts");
        (await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SavedAccount_OfAnotherSeatHolderOrContract_Is404AndKept(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var account = await client.SaveAccountAsync(mine.CompanyIds[0]);

        (await other.GetAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await other.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
        (await client.GetAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnsaveAccount_Saved_Is204AndLeavesItsLists(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var targets = await client.CreateListAsync("Targets", SavedListKind.Accounts);
        var account = await client.SaveAccountAsync(mine.CompanyIds[2], targets.Id);

        var response = await client.DeleteAsync($"api/v1/accounts/{account.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"api/v1/accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.ListsAsync(SavedListKind.Accounts)).Single(list => list.Id == targets.Id).EntryCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Accounts_AdminWithoutSeat_Is403(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        (await admin.GetAsync("api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("api/v1/accounts", new { companyId = mine.CompanyIds[0] })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var client = await host.ApiClientAsync(mine.AdminSeatHolder);
        (await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSavedAccounts_PagedByListAndQuery(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var targets = await client.CreateListAsync("Targets", SavedListKind.Accounts);
        var muller = await client.SaveAccountAsync(mine.CompanyIds[0], targets.Id);
        var northwind = await client.SaveAccountAsync(mine.CompanyIds[1]);
        var fabrikam = await client.SaveAccountAsync(mine.CompanyIds[2], targets.Id);

        var first = await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts?pageSize=2", ApiSignIn.Json);
        var second = await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts?pageSize=2&page=2", ApiSignIn.Json);
        var byList = await client.GetFromJsonAsync<Page<SavedAccountSummary>>($"api/v1/accounts?listId={targets.Id}", ApiSignIn.Json);
        var byQuery = await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts?query=MULLER", ApiSignIn.Json);

        first!.TotalCount.ShouldBe(3);
        first.Items.Select(account => account.Id).ShouldBe([fabrikam.Id, northwind.Id]);
        second!.Items.Single().Id.ShouldBe(muller.Id);
        byList!.Items.Select(account => account.Id).ShouldBe([fabrikam.Id, muller.Id]);
        byList.Items.ShouldAllBe(account => account.Lists.Single().Name == "Targets");
        byQuery!.Items.Single().Id.ShouldBe(muller.Id);
    }
}
