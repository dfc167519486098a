using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Accounts;
using SalesBridge.CrmConnection;
using SalesBridge.CrmRecords;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Api.Lists;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmRecords;

/// <summary>Saved leads and accounts the CRM import brought in, as seat holders see them through the API (SPEC S9, S10, S11).</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ImportedItemsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListAndGet_ImportedItems_CarryTheirCrmIdsUnmatchedAndInCrmLink(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, mine);
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var leads = (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!;
        var accounts = (await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!;
        var raw = await client.GetFromJsonAsync<JsonElement>($"api/v1/leads/{items.UnmatchedLeadId}");

        leads.Items.Select(lead => lead.Id).ShouldBe([items.UnmatchedLeadId, items.MatchedLeadId]);
        var unmatched = leads.Items[0];
        (unmatched.PersonId, unmatched.Unmatched, unmatched.ImportedFromCrm, unmatched.SavedByHand).ShouldBe((null, true, true, false));
        (unmatched.FullName, unmatched.CompanyName, unmatched.City).ShouldBe((ImportedItems.UnmatchedLeadName, ImportedItems.UnmatchedAccountName, "Lagos"));
        unmatched.CrmContactId.ShouldBe(items.UnmatchedContactCrmId);
        unmatched.CrmUrl.ShouldBe(ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId));
        unmatched.Lists.ShouldHaveSingleItem().Name.ShouldBe(SystemLists.CrmLeads.Name);
        var matched = leads.Items[1];
        (matched.PersonId, matched.Unmatched, matched.FullName).ShouldBe((mine.PersonIds[2], false, "Nancy Davolio"));
        matched.CrmUrl.ShouldBe(ImportedItems.RecordUrl("contact", items.MatchedContactCrmId));
        raw.GetProperty("crmContactId").GetGuid().ShouldBe(items.UnmatchedContactCrmId);
        raw.GetProperty("unmatched").GetBoolean().ShouldBeTrue();
        raw.GetProperty("importedFromCrm").GetBoolean().ShouldBeTrue();
        raw.GetProperty("crmUrl").GetString().ShouldBe(ImportedItems.RecordUrl("contact", items.UnmatchedContactCrmId));
        accounts.Items.Select(account => account.Id).ShouldBe([items.UnmatchedAccountId, items.MatchedAccountId]);
        (accounts.Items[0].Name, accounts.Items[0].CompanyId, accounts.Items[0].Unmatched).ShouldBe((ImportedItems.UnmatchedAccountName, null, true));
        accounts.Items[0].CrmUrl.ShouldBe(ImportedItems.RecordUrl("account", items.UnmatchedAccountCrmId));
        (accounts.Items[1].CompanyId, accounts.Items[1].CrmAccountId).ShouldBe((mine.CompanyIds[1], items.MatchedAccountCrmId));
        (await client.GetFromJsonAsync<SavedAccountSummary>($"api/v1/accounts/{items.UnmatchedAccountId}", ApiSignIn.Json))!
            .CrmUrl.ShouldBe(ImportedItems.RecordUrl("account", items.UnmatchedAccountCrmId));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task List_UnmatchedFilterAndSearch_FindTheCrmOnlyItemsByTheirCrmNames(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        await client.SaveLeadAsync(mine.PersonIds[0]);

        async Task<IEnumerable<Guid>> Leads(string query) => (await client.GetFromJsonAsync<Page<SavedLeadSummary>>($"api/v1/leads?{query}", ApiSignIn.Json))!.Items.Select(l => l.Id);
        async Task<IEnumerable<Guid>> Accounts(string query) => (await client.GetFromJsonAsync<Page<SavedAccountSummary>>($"api/v1/accounts?{query}", ApiSignIn.Json))!.Items.Select(a => a.Id);

        (await Leads("unmatched=true")).ShouldBe([items.UnmatchedLeadId]);
        (await Leads("unmatched=false")).Count().ShouldBe(2);
        (await Leads("query=okafor")).ShouldBe([items.UnmatchedLeadId]);
        (await Leads("query=OKAFOR lagos&unmatched=true")).ShouldBe([items.UnmatchedLeadId]);
        (await Leads("query=okafor&unmatched=false")).ShouldBeEmpty();
        (await Accounts("unmatched=true")).ShouldBe([items.UnmatchedAccountId]);
        (await Accounts("query=zephyr")).ShouldBe([items.UnmatchedAccountId]);
        (await Accounts($"listId={(await client.ListsAsync(SavedListKind.Accounts)).Single(l => l.IsSystemList).Id}")).Count().ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CrmUrl_FollowsTheConnection_NoneOrDisconnectedGivesNoLinkFailingStillLinks(string database)
    {
        var host = await fixture.HostAsync(database);
        var none = await host.CreateAsync();
        var disconnected = await host.CreateAsync();
        var failing = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, disconnected, OrgConnectionStatus.Disconnected);
        await ImportedItems.ConnectAsync(host, failing, OrgConnectionStatus.Failing);

        async Task<SavedLeadSummary> UnmatchedLead(TestContract contract)
        {
            var items = await ImportedItems.ArrangeAsync(host, contract, contract.SeatHolder);
            using var client = await host.ApiClientAsync(contract.SeatHolder);
            return (await client.GetFromJsonAsync<SavedLeadSummary>($"api/v1/leads/{items.UnmatchedLeadId}", ApiSignIn.Json))!;
        }

        var withoutConnection = await UnmatchedLead(none);
        withoutConnection.CrmUrl.ShouldBeNull();
        withoutConnection.CrmContactId.ShouldNotBeNull("the CRM id stays; only the link needs a connected org");
        (await UnmatchedLead(disconnected)).CrmUrl.ShouldBeNull();
        (await UnmatchedLead(failing)).CrmUrl.ShouldStartWith(ImportedItems.OrganizationUrl + "main.aspx?etn=contact&pagetype=entityrecord&id=%7B");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Unsave_ItemOnlyTheCrmSaved_Is409SayingWhyAndKeepsIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var lead = await client.DeleteAsync($"api/v1/leads/{items.UnmatchedLeadId}");
        var account = await client.DeleteAsync($"api/v1/accounts/{items.MatchedAccountId}");

        lead.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lead.DetailAsync()).ShouldBe(ImportedItemRefusals.UnsaveLead);
        ImportedItemRefusals.UnsaveLead.ShouldContain("open opportunity");
        account.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await account.DetailAsync()).ShouldBe(ImportedItemRefusals.UnsaveAccount);
        (await client.GetFromJsonAsync<SavedLeadSummary>($"api/v1/leads/{items.UnmatchedLeadId}", ApiSignIn.Json))!
            .Lists.ShouldHaveSingleItem().Name.ShouldBe(SystemLists.CrmLeads.Name);
        (await client.GetFromJsonAsync<Page<SavedAccountSummary>>("api/v1/accounts", ApiSignIn.Json))!.TotalCount.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SaveByHand_ImportedPerson_MarksTheSameLeadAndUnsaveOnlyUndoesThat(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var own = await client.CreateListAsync("Follow up", SavedListKind.Leads);

        var saved = await client.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[2], listIds = new[] { own.Id } });
        var lead = (await saved.Content.ReadFromJsonAsync<SavedLeadSummary>(ApiSignIn.Json))!;
        var unsaved = await client.DeleteAsync($"api/v1/leads/{items.MatchedLeadId}");

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, "the person was already saved, by the import: no second lead");
        (lead.Id, lead.SavedByHand, lead.ImportedFromCrm).ShouldBe((items.MatchedLeadId, true, true));
        lead.Lists.Select(list => list.Name).ShouldBe([SystemLists.CrmLeads.Name, "Follow up"]);
        unsaved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = (await unsaved.Content.ReadFromJsonAsync<SavedLeadSummary>(ApiSignIn.Json))!;
        (kept.Id, kept.SavedByHand, kept.ImportedFromCrm).ShouldBe((items.MatchedLeadId, false, true));
        kept.Lists.Select(list => list.Name).ShouldBe([SystemLists.CrmLeads.Name], "it left the seat holder's own list, not the CRM's");
        (await client.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(2);
        (await client.DeleteAsync($"api/v1/leads/{items.MatchedLeadId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "now only the CRM keeps it");

        var account = await client.PostAsJsonAsync("api/v1/accounts", new { companyId = mine.CompanyIds[1] });
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await account.Content.ReadFromJsonAsync<SavedAccountSummary>(ApiSignIn.Json))!.Id.ShouldBe(items.MatchedAccountId);
        var accountUnsaved = await client.DeleteAsync($"api/v1/accounts/{items.MatchedAccountId}");
        accountUnsaved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accountUnsaved.Content.ReadFromJsonAsync<SavedAccountSummary>(ApiSignIn.Json))!.SavedByHand.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OwnLists_UnmatchedLead_CanBeAddedListedAndTakenOff(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var items = await ImportedItems.ArrangeAsync(host, mine, mine.SeatHolder);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var own = await client.CreateListAsync("Unknowns", SavedListKind.Leads);

        var added = await client.PostAsJsonAsync($"api/v1/lists/{own.Id}/entries", new { savedLeadId = items.UnmatchedLeadId });
        var onList = (await client.GetFromJsonAsync<Page<SavedLeadSummary>>($"api/v1/leads?listId={own.Id}", ApiSignIn.Json))!;
        var lists = await client.ListsAsync(SavedListKind.Leads);
        var removed = await client.DeleteAsync($"api/v1/lists/{own.Id}/entries/{items.UnmatchedLeadId}");
        var offSystemList = await client.DeleteAsync($"api/v1/lists/{items.CrmLeadsListId}/entries/{items.UnmatchedLeadId}");

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        onList.Items.ShouldHaveSingleItem().FullName.ShouldBe(ImportedItems.UnmatchedLeadName);
        lists.Single(list => list.Id == items.CrmLeadsListId).EntryCount.ShouldBe(2);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        offSystemList.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the CRM import fills the system lists");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ImportedItems_OfAnotherSeatHolderOrContract_AreNeverVisible(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        await ImportedItems.ConnectAsync(host, theirs);
        var items = await ImportedItems.ArrangeAsync(host, theirs, theirs.SeatHolder);
        using var colleague = await host.ApiClientAsync(theirs.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(mine.SeatHolder);

        foreach (var client in new[] { colleague, stranger })
        {
            (await client.GetAsync($"api/v1/leads/{items.UnmatchedLeadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"api/v1/accounts/{items.UnmatchedAccountId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.DeleteAsync($"api/v1/leads/{items.MatchedLeadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetStringAsync("api/v1/leads?unmatched=true&query=okafor")).ShouldNotContain(items.UnmatchedContactCrmId.ToString());
        }

        using var owner = await host.ApiClientAsync(theirs.SeatHolder);
        (await owner.GetFromJsonAsync<Page<SavedLeadSummary>>("api/v1/leads", ApiSignIn.Json))!.TotalCount.ShouldBe(2, "nothing of theirs changed");
    }
}
