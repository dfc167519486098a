using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.PeopleDirectory;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.PeopleDirectory;

[Collection(WorkspaceCollection.Name)]
public sealed class DirectoryApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SearchPeople_AccentsAndCaseIgnored_FindsOnlyOwnContract(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.CreateAsync(); // another contract with the same names
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var page = await client.GetFromJsonAsync<Page<PersonSummary>>("api/v1/people?query=JURGEN%20schafer", ApiSignIn.Json);

        page!.TotalCount.ShouldBe(1);
        page.Items.Single().Id.ShouldBe(mine.PersonIds[0]);
        page.Items.Single().CompanyName.ShouldBe("Müller Maschinenbau GmbH");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SearchPeople_Paged_ReportsTotalAndMore(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var first = await client.GetFromJsonAsync<Page<PersonSummary>>("api/v1/people?pageSize=4", ApiSignIn.Json);
        var second = await client.GetFromJsonAsync<Page<PersonSummary>>("api/v1/people?pageSize=4&page=2", ApiSignIn.Json);

        first!.TotalCount.ShouldBe(6);
        first.HasMore.ShouldBeTrue();
        second!.Items.Count.ShouldBe(2);
        first.Items.Select(p => p.Id).Concat(second.Items.Select(p => p.Id)).ShouldBe(mine.PersonIds, ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetPerson_OfAnotherContract_Is404(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.GetAsync($"api/v1/people/{theirs.PersonIds[0]}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("was not found");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SearchPeople_BadPageSize_Is400NamingTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.GetAsync("api/v1/people?pageSize=5000");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("pageSize")[0].GetString().ShouldNotBeNull().ShouldContain("between 1 and 200");
    }

    [Fact]
    public async Task Api_WithoutToken_Is401()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        using var client = host.CreateClient();

        var response = await client.GetAsync("api/v1/people");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
