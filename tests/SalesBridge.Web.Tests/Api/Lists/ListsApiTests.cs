using System.Net;
using System.Net.Http.Json;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Lists;

[Collection(WorkspaceCollection.Name)]
public sealed class ListsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListLists_FirstTime_HasTheSystemListsFlagged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var all = await client.ListsAsync();
        var again = await client.ListsAsync();
        var leads = await client.ListsAsync(SavedListKind.Leads);

        all.Select(list => (list.Name, list.Kind, list.IsSystemList, list.EntryCount))
            .ShouldBe([("My CRM Leads", SavedListKind.Leads, true, 0), ("My CRM Accounts", SavedListKind.Accounts, true, 0)]);
        again.Select(list => list.Id).ShouldBe(all.Select(list => list.Id));
        leads.Single().Name.ShouldBe("My CRM Leads");
        (await client.GetAsync("api/v1/lists?kind=Contacts")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateList_Valid_Is201TrimmedAndListedWithCounts(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/lists", new { name = "  Trade fair 2026  ", kind = "Leads" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = (await response.Content.ReadFromJsonAsync<SavedListSummary>(ApiSignIn.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/lists/{list.Id}");
        list.Name.ShouldBe("Trade fair 2026");
        list.IsSystemList.ShouldBeFalse();
        await client.SaveLeadAsync(mine.PersonIds[0], list.Id);
        await client.SaveLeadAsync(mine.PersonIds[1], list.Id);
        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == list.Id).EntryCount.ShouldBe(2);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        (await other.ListsAsync()).ShouldNotContain(l => l.Id == list.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateList_BadName_Is400NamingNameAndNothingCreated(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var missing = await client.PostAsJsonAsync("api/v1/lists", new { kind = "Leads" });
        var blank = await client.PostAsJsonAsync("api/v1/lists", new { name = "   ", kind = "Leads" });
        var tooLong = await client.PostAsJsonAsync("api/v1/lists", new { name = new string('n', 101), kind = "Leads" });
        var noKind = await client.PostAsJsonAsync("api/v1/lists", new { name = "Hot" });
        var badKind = await client.PostAsJsonAsync("api/v1/lists", new { name = "Hot", kind = "Contacts" });

        (await missing.FieldErrorAsync("name")).ShouldBe("name is required.");
        (await blank.FieldErrorAsync("name")).ShouldBe("name is required.");
        (await tooLong.FieldErrorAsync("name")).ShouldBe("name must be at most 100 characters.");
        (await noKind.FieldErrorAsync("kind")).ShouldContain("kind is required");
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.ListsAsync()).ShouldAllBe(list => list.IsSystemList);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CreateList_NameTaken_Is409ButFreeForOtherKindOrSeatHolder(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        await client.CreateListAsync("Hot", SavedListKind.Leads);

        var duplicate = await client.PostAsJsonAsync("api/v1/lists", new { name = "hot", kind = "Leads" });
        var systemName = await client.PostAsJsonAsync("api/v1/lists", new { name = "My CRM Leads", kind = "Leads" });

        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.DetailAsync()).ShouldContain("already have a list of leads named \"hot\"");
        systemName.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.ListsAsync(SavedListKind.Leads)).Count.ShouldBe(2);
        await client.CreateListAsync("Hot", SavedListKind.Accounts);
        await other.CreateListAsync("Hot", SavedListKind.Leads);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RenameList_OwnList_ChangesTheName(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var list = await client.CreateListAsync("Hot", SavedListKind.Leads);
        await client.CreateListAsync("Cold", SavedListKind.Leads);

        var response = await client.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = " Warm " });
        var taken = await client.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = "Cold" });
        var tooLong = await client.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = new string('n', 101) });
        var sameName = await client.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = "WARM" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<SavedListSummary>(ApiSignIn.Json))!.Name.ShouldBe("Warm");
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tooLong.FieldErrorAsync("name")).ShouldContain("at most 100");
        sameName.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == list.Id).Name.ShouldBe("WARM");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RenameOrDeleteList_SystemList_Is409AndKept(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var system = (await client.ListsAsync(SavedListKind.Accounts)).Single();

        var rename = await client.PatchAsJsonAsync($"api/v1/lists/{system.Id}", new { name = "Mine" });
        var delete = await client.DeleteAsync($"api/v1/lists/{system.Id}");

        rename.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await delete.DetailAsync()).ShouldStartWith("System lists cannot be renamed or deleted");
        (await client.ListsAsync(SavedListKind.Accounts)).Single().Name.ShouldBe("My CRM Accounts");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RenameOrDeleteList_OfAnotherSeatHolderOrContract_Is404AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var list = await client.CreateListAsync("Hot", SavedListKind.Leads);

        foreach (var intruder in new[] { other, stranger })
        {
            (await intruder.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = "Taken" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await intruder.DeleteAsync($"api/v1/lists/{list.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await client.PatchAsJsonAsync($"api/v1/lists/{Guid.NewGuid()}", new { name = "Taken" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == list.Id).Name.ShouldBe("Hot");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task DeleteList_OwnList_Is204AndItsLeadsStaySaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var list = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0], list.Id);

        var response = await client.DeleteAsync($"api/v1/lists/{list.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.ListsAsync(SavedListKind.Leads)).ShouldNotContain(l => l.Id == list.Id);
        (await client.GetFromJsonAsync<SavedLeadSummary>($"api/v1/leads/{lead.Id}", ApiSignIn.Json))!.Lists.ShouldBeEmpty();
        (await client.GetAsync($"api/v1/leads?listId={list.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"api/v1/lists/{list.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddToList_SavedItem_Is201ThenIdempotent200(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var leads = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var accounts = await client.CreateListAsync("Targets", SavedListKind.Accounts);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0]);
        var account = await client.SaveAccountAsync(mine.CompanyIds[0]);

        var added = await client.PostAsJsonAsync($"api/v1/lists/{leads.Id}/entries", new { savedLeadId = lead.Id });
        var again = await client.PostAsJsonAsync($"api/v1/lists/{leads.Id}/entries", new { savedLeadId = lead.Id });
        var accountAdded = await client.PostAsJsonAsync($"api/v1/lists/{accounts.Id}/entries", new { savedAccountId = account.Id });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        added.Headers.Location!.ToString().ShouldBe($"/api/v1/lists/{leads.Id}/entries/{lead.Id}");
        (await added.Content.ReadFromJsonAsync<ListEntry>(ApiSignIn.Json))!.SavedItemId.ShouldBe(lead.Id);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        accountAdded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lists = await client.ListsAsync();
        lists.Single(l => l.Id == leads.Id).EntryCount.ShouldBe(1);
        lists.Single(l => l.Id == accounts.Id).EntryCount.ShouldBe(1);
        (await client.GetFromJsonAsync<SavedLeadSummary>($"api/v1/leads/{lead.Id}", ApiSignIn.Json))!.Lists.Single().Name.ShouldBe("Hot");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddToList_WrongOrMissingItem_Is400NamingTheFieldAndNothingAdded(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var leads = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var account = await client.SaveAccountAsync(mine.CompanyIds[0]);

        var wrongKind = await client.PostAsJsonAsync($"api/v1/lists/{leads.Id}/entries", new { savedAccountId = account.Id });
        var missing = await client.PostAsJsonAsync($"api/v1/lists/{leads.Id}/entries", new { });
        var unknown = await client.PostAsJsonAsync($"api/v1/lists/{leads.Id}/entries", new { savedLeadId = Guid.NewGuid() });

        (await wrongKind.FieldErrorAsync("savedAccountId")).ShouldContain("cannot go on a list of leads");
        (await missing.FieldErrorAsync("savedLeadId")).ShouldContain("savedLeadId is required");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == leads.Id).EntryCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AddToList_OtherSeatHoldersListOrLeadOrSystemList_IsRefused(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        var myList = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var myLead = await client.SaveLeadAsync(mine.PersonIds[0]);
        var theirList = await other.CreateListAsync("Theirs", SavedListKind.Leads);
        var theirLead = await other.SaveLeadAsync(mine.PersonIds[1]);
        var system = (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.IsSystemList);

        (await client.PostAsJsonAsync($"api/v1/lists/{theirList.Id}/entries", new { savedLeadId = myLead.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"api/v1/lists/{myList.Id}/entries", new { savedLeadId = theirLead.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"api/v1/lists/{system.Id}/entries", new { savedLeadId = myLead.Id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await client.ListsAsync(SavedListKind.Leads)).ShouldAllBe(l => l.EntryCount == 0);
        (await other.ListsAsync(SavedListKind.Leads)).ShouldAllBe(l => l.EntryCount == 0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RemoveFromList_Entry_Is204AndTheLeadStaysSaved(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var other = await host.ApiClientAsync(mine.OtherSeatHolder);
        var list = await client.CreateListAsync("Hot", SavedListKind.Leads);
        var lead = await client.SaveLeadAsync(mine.PersonIds[0], list.Id);

        var byOther = await other.DeleteAsync($"api/v1/lists/{list.Id}/entries/{lead.Id}");
        var response = await client.DeleteAsync($"api/v1/lists/{list.Id}/entries/{lead.Id}");
        var again = await client.DeleteAsync($"api/v1/lists/{list.Id}/entries/{lead.Id}");

        byOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == list.Id).EntryCount.ShouldBe(0);
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.Items.Single().Id.ShouldBe(lead.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Lists_AdminWithoutSeat_Is403(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var list = await client.CreateListAsync("Hot", SavedListKind.Leads);

        (await admin.GetAsync("api/v1/lists")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("api/v1/lists", new { name = "Mine", kind = "Leads" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PatchAsJsonAsync($"api/v1/lists/{list.Id}", new { name = "Mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"api/v1/lists/{list.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"api/v1/lists/{list.Id}/entries", new { savedLeadId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await client.ListsAsync(SavedListKind.Leads)).Single(l => l.Id == list.Id).Name.ShouldBe("Hot");
    }
}
