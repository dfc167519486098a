using System.Net;
using System.Net.Http.Json;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Api.Lists;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Leads;

[Collection(WorkspaceCollection.Name)]
public sealed class LeadsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_NewPerson_Is201AndReadable(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0] });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lead = (await response.Content.ReadFromJsonAsync<SavedLeadSummary>(ApiSignIn.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/leads/{lead.Id}");
        lead.PersonId.ShouldBe(mine.PersonIds[0]);
        lead.FullName.ShouldBe("Jürgen Schäfer");
        lead.CompanyName.ShouldBe("Müller Maschinenbau GmbH");
        lead.CompanyId.ShouldBe(mine.CompanyIds[0]);
        lead.SavedByHand.ShouldBeTrue();
        var read = await client.GetFromJsonAsync<SavedLeadSummary>($"api/v1/leads/{lead.Id}", ApiSignIn.Json);
        read!.PersonId.ShouldBe(mine.PersonIds[0]);
        var person = await client.GetFromJsonAsync<SalesBridge.PeopleDirectory.PersonDetails>($"api/v1/people/{mine.PersonIds[0]}", ApiSignIn.Json);
        person!.SavedLeadId.ShouldBe(lead.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_Twice_KeepsOneRowAndAnswers200(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var first = await client.SaveLeadAsync(mine.PersonIds[1]);

        var again = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[1] });

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<SavedLeadSummary>(ApiSignIn.Json))!.Id.ShouldBe(first.Id);
        var page = await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json);
        page!.TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_PersonOfAnotherContract_Is404AndNothingSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/leads", new { personId = theirs.PersonIds[0] });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.DetailAsync()).ShouldContain("was not found");
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
        using var theirClient = await host.ApiClientAsync(theirs.SeatHolder);
        (await theirClient.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_BadInput_Is400NamingTheFieldAndNothingSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var accountsList = await client.CreateListAsync("Target accounts", SavedListKind.Accounts);

        var missing = await client.PostAsJsonAsync("api/v1/leads", new { });
        var wrongKind = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0], listIds = new[] { accountsList.Id } });
        var unknown = await client.PostAsJsonAsync("api/v1/leads", new { personId = Guid.NewGuid() });
        var notJson = await client.PostAsync("api/v1/leads", new StringContent("{personId:", System.Text.Encoding.UTF8, "application/json"));

        (await missing.FieldErrorAsync("personId")).ShouldBe("personId is required.");
        (await wrongKind.FieldErrorAsync("listIds")).ShouldContain("lists of leads");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_WithListIds_PutsItOnTheLists(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var hot = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var later = await client.CreateListAsync("Later", SavedListKind.Leads);

        var lead = await client.SaveLeadAsync(mine.PersonIds[2], hot.Id, later.Id);
        var again = await client.SaveLeadAsync(mine.PersonIds[2], hot.Id);

        lead.Lists.Select(list => list.Name).ShouldBe(["Hot", "Later"]);
        again.Lists.Count.ShouldBe(2);
        var lists = await client.ListsAsync(SavedListKind.Leads);
        lists.Single(list => list.Id == hot.Id).EntryCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveLead_OntoAnotherSeatHoldersOrSystemList_IsRefusedAndNothingSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        var theirList = await other.CreateListAsync("Theirs", SavedListKind.Leads);
        var systemList = (await client.ListsAsync(SavedListKind.Leads)).Single(list => list.IsSystemList);

        var onTheirs = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0], listIds = new[] { theirList.Id } });
        var onSystem = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0], listIds = new[] { systemList.Id } });

        onTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        onSystem.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(0);
        (await other.ListsAsync(SavedListKind.Leads)).Single(list => list.Id == theirList.Id).EntryCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SavedLead_OfAnotherSeatHolder_Is404ToReadAndDeleteAndKept(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0]);

        var read = await other.GetAsync($"api/v1/leads/{lead.Id}");
        var delete = await other.DeleteAsync($"api/v1/leads/{lead.Id}");
        var listed = await other.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json);

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listed!.TotalCount.ShouldBe(0);
        (await client.GetAsync($"api/v1/leads/{lead.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SavedLead_OfAnotherContract_Is404ToReadAndDelete(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var theirClient = await host.ApiClientAsync(theirs.SeatHolder);
        var theirLead = await theirClient.SaveLeadAsync(theirs.PersonIds[0]);

        (await client.GetAsync($"api/v1/leads/{theirLead.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"api/v1/leads/{theirLead.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await theirClient.GetAsync($"api/v1/leads/{theirLead.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnsaveLead_Saved_Is204AndLeavesItsListsButNotTheLists(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var hot = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0], hot.Id);

        var response = await client.DeleteAsync($"api/v1/leads/{lead.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"api/v1/leads/{lead.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"api/v1/leads/{lead.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.ListsAsync(SavedListKind.Leads)).Single(list => list.Id == hot.Id).EntryCount.ShouldBe(0);
        var person = await client.GetFromJsonAsync<SalesBridge.PeopleDirectory.PersonDetails>($"api/v1/people/{mine.PersonIds[0]}", ApiSignIn.Json);
        person!.SavedLeadId.ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Leads_AdminWithoutSeat_Is403(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0]);

        (await admin.GetAsync("api/v1/leads")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"api/v1/leads/{lead.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"api/v1/leads/{lead.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var save = await admin.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[1] });

        save.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await save.DetailAsync()).ShouldContain("seat");
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSavedLeads_Paged_NewestFirst(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var saved = new List<SavedLeadSummary>();
        foreach (var personId in mine.PersonIds.Take(5))
        {
            saved.Add(await client.SaveLeadAsync(personId));
        }

        var first = await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads?pageSize=2", ApiSignIn.Json);
        var third = await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads?pageSize=2&page=3", ApiSignIn.Json);
        var tooBig = await client.GetAsync("api/v1/leads?pageSize=500");

        first!.TotalCount.ShouldBe(5);
        first.HasMore.ShouldBeTrue();
        first.Items.Select(lead => lead.Id).ShouldBe([saved[4].Id, saved[3].Id]);
        third!.Items.Single().Id.ShouldBe(saved[0].Id);
        third.HasMore.ShouldBeFalse();
        (await tooBig.FieldErrorAsync("pageSize")).ShouldContain("between 1 and 200");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSavedLeads_ByListAndQuery_KeepsOnlyThose(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var hot = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var onList = await client.SaveLeadAsync(mine.PersonIds[2], hot.Id);
        await client.SaveLeadAsync(mine.PersonIds[0]);
        await client.SaveLeadAsync(mine.PersonIds[3]);

        var byList = await client.GetFromJsonAsync<Page<SavedLeadSummary>>($"api/v1/leads?listId={hot.Id}", ApiSignIn.Json);
        var byQuery = await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads?query=SCHAFER%20purchasing", ApiSignIn.Json);

        byList!.Items.Single().Id.ShouldBe(onList.Id);
        byList.Items.Single().Lists.Single().Name.ShouldBe("Hot");
        byQuery!.Items.Single().PersonId.ShouldBe(mine.PersonIds[0]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListSavedLeads_ListNotMineOrOfAccounts_Is404(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        var theirList = await other.CreateListAsync("Theirs", SavedListKind.Leads);
        var accountsList = await client.CreateListAsync("Accounts", SavedListKind.Accounts);

        (await client.GetAsync($"api/v1/leads?listId={theirList.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/leads?listId={accountsList.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/leads?query={new string('x', 101)}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
