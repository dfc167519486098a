using System.Net;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmRecords;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>
/// The person page's CRM card (S15, S17) against an org the host's worker really writes to: Create record and Edit match
/// from the person's side re-link their open activity; the unresolved report's rows lead there; nobody else gets the actions.
/// </summary>
public sealed class PersonCrmCardPageTests
{
    [Fact]
    public async Task CreateRecordOnThePersonPage_MakesTheContact_AndTheOpenActivityIsCompletedOnIt()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        // An email no CRM contact has, so the look-alike check (tested below) lets the create through.
        await SetEmailAsync(org, personId, $"{Guid.NewGuid():N}@create-record.test");
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Unresolved, "the note to be written open");
        using var seller = await org.Host.PageClientAsync(org.Seller);

        var report = await seller.GetStringAsync("WriteBack/Unresolved");
        report.ShouldContain($"href=\"/People/{personId}#crm\">Edit match</a>");
        report.ShouldContain($"action=\"/People/{personId}?handler=CreateRecord\"");
        var page = await seller.GetStringAsync($"People/{personId}");
        page.ShouldContain("id=\"crm\"");
        page.ShouldContain(">Create record</button>");

        var created = await seller.PostFormAsync($"People/{personId}?handler=CreateRecord", []);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe($"/People/{personId}");
        var after = await seller.GetStringAsync($"People/{personId}");
        after.ShouldContain(HtmlEncoder.Default.Encode("Their open activities will be completed in the CRM"));
        after.ShouldNotContain("id=\"crm\"", Case.Sensitive, "the person has a CRM contact now: nothing left to resolve");
        var contactId = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId == personId).Select(c => c.CrmId).SingleAsync());
        (await org.Import.Crm.RetrieveAsync("contacts", SalesBridge.Dataverse.EntityKey.Id(contactId))).ShouldNotBeNull();
        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be completed on the new contact");
        written.RegardingCrmId.ShouldBe(contactId);
        (await seller.GetStringAsync("WriteBack/Unresolved")).ShouldNotContain($"/People/{personId}");
    }

    [Fact]
    public async Task CreateRecordStoppedByALookAlike_NamesIt_ThenEditMatchBySearchTiesThePerson_AndTheActivityFollows()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        var record = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.ContractId == org.ContractId && c.PersonId == null && !c.RemovedFromCrm && c.Email != null)
            .OrderBy(c => c.CrmId).Select(c => new { c.Id, c.CrmId, c.FirstName, c.LastName, Email = c.Email! }).FirstAsync());
        // The person shares the CRM contact's email: the same person under another name, as far as Create record can tell.
        await SetEmailAsync(org, personId, record.Email);
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Unresolved, "the note to be written open");
        using var seller = await org.Host.PageClientAsync(org.Seller);

        var refused = await seller.PostFormAsync($"People/{personId}?handler=CreateRecord", []);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var card = await refused.Content.ReadAsStringAsync();
        card.ShouldContain(HtmlEncoder.Default.Encode($"{record.FirstName} {record.LastName}".Trim()));
        var orgUrl = await org.Host.QueryAsync(db => db.OrgConnections.Where(c => c.ContractId == org.ContractId).Select(c => c.OrganizationUrl).SingleAsync());
        card.ShouldContain($"href=\"{HtmlEncoder.Default.Encode(CrmRecordLink.For(orgUrl, CrmRecordLink.Contact, record.CrmId))}\"");
        card.ShouldContain(">Create anyway</button>");
        (await org.Host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.PersonId == personId))).ShouldBe(0, "nothing created while a look-alike exists");

        var search = await seller.GetStringAsync($"People/{personId}?q={Uri.EscapeDataString(record.Email)}");
        search.ShouldContain($"data-record=\"{record.Id}\"");
        search.ShouldContain(">This is the person</button>");
        var tooShort = await seller.GetStringAsync($"People/{personId}?q=a");
        tooShort.ShouldContain("q must be 2 to 200 characters");

        var tied = await seller.PostFormAsync($"People/{personId}?handler=EditMatch", new() { ["crmContactRecordId"] = record.Id.ToString() });

        tied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await tied.Content.ReadAsStringAsync());
        (await seller.GetStringAsync($"People/{personId}")).ShouldContain(HtmlEncoder.Default.Encode("Their open activities will be completed in the CRM"));
        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be re-linked to the chosen contact");
        written.RegardingCrmId.ShouldBe(record.CrmId);
    }

    [Fact]
    public async Task ASeatHolderWithNothingAboutThePerson_SeesNoActions_AndAForgedPostIsRefused404_WhileTheAdminHasThem()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Unresolved, "the note to be written open");
        var record = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.ContractId == org.ContractId && c.PersonId == null).Select(c => c.Id).FirstAsync());
        using var colleague = await org.Host.PageClientAsync(org.Import.Contract.SeatHolder);

        var page = await colleague.GetStringAsync($"People/{personId}");
        page.ShouldNotContain("id=\"crm\"");
        page.ShouldNotContain("Create record");
        page.ShouldNotContain("This is the person");
        (await colleague.PostFormAsync($"People/{personId}?handler=CreateRecord", new() { ["createAnyway"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.PostFormAsync($"People/{personId}?handler=EditMatch", new() { ["crmContactRecordId"] = record.ToString() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await org.Host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.PersonId == personId))).ShouldBe(0);

        using var admin = await org.Host.PageClientAsync(org.Import.Contract.Admin);
        (await admin.GetStringAsync("Admin/Crm/Unresolved")).ShouldContain($"href=\"/People/{personId}#crm\">Edit match</a>");
        var adminPage = await admin.GetStringAsync($"People/{personId}");
        adminPage.ShouldContain("id=\"crm\"");
        adminPage.ShouldContain(">Create record</button>");
    }

    private static Task SetEmailAsync(WriteBackOrg org, Guid personId, string email) =>
        org.Host.QueryAsync(db => db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, email)));
}
