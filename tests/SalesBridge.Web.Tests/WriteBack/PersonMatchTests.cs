using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmMatches;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>S15, S17 from the unresolved report: a person without a CRM record gets one (picked or created), and their open activities follow.</summary>
public sealed class PersonMatchTests
{
    [Fact]
    public async Task PickingTheCrmContactForAnUnresolvedPerson_RelinksAndCompletesTheirActivity()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Unresolved, "the note to be written open");
        var record = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.ContractId == org.ContractId && c.PersonId == null && !c.RemovedFromCrm)
            .OrderBy(c => c.CrmId).Select(c => new { c.Id, c.CrmId, c.LastName, c.Email }).FirstAsync());

        var found = await org.SellerApi.GetFromJsonAsync<List<SearchCrmContacts.Result>>($"api/v1/crm/contacts?q={Uri.EscapeDataString(record.Email ?? record.LastName!)}", ApiSignIn.Json);
        found!.Select(r => r.RecordId).ShouldContain(record.Id);
        var tie = await org.SellerApi.PutAsJsonAsync($"api/v1/people/{personId}/crm-match", new { crmContactRecordId = record.Id });

        tie.StatusCode.ShouldBe(HttpStatusCode.OK, await tie.Content.ReadAsStringAsync());
        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be re-linked");
        written.RegardingCrmId.ShouldBe(record.CrmId);
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull()["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(record.CrmId);
    }

    [Fact]
    public async Task CreatingTheRecordForAnUnresolvedPerson_MakesTheContactAndCompletesTheirActivityOnIt()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Unresolved, "the note to be written open");

        // createAnyway: the demo world may hold a look-alike of the person; this test is about the re-link, not the duplicate check.
        var created = await org.SellerApi.PostAsJsonAsync($"api/v1/people/{personId}/crm-record", new { createAnyway = true });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contactId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("crmId").GetGuid();
        (await org.Import.Crm.RetrieveAsync("contacts", SalesBridge.Dataverse.EntityKey.Id(contactId))).ShouldNotBeNull();
        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be re-linked to the new contact");
        written.RegardingCrmId.ShouldBe(contactId);
    }

    [Fact]
    public async Task ASeatHolderWithNothingAboutThePerson_IsRefused_AndBadInputNamesTheField()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        using var colleague = await org.Host.ApiClientAsync(org.Import.Contract.SeatHolder);
        var record = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.ContractId == org.ContractId && c.PersonId == null).Select(c => c.Id).FirstAsync());

        (await colleague.PutAsJsonAsync($"api/v1/people/{personId}/crm-match", new { crmContactRecordId = record })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.PostAsJsonAsync($"api/v1/people/{personId}/crm-record", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var missing = await org.AdminApi.PutAsJsonAsync($"api/v1/people/{personId}/crm-match", new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("crmContactRecordId");
        var shortQuery = await colleague.GetAsync("api/v1/crm/contacts?q=a");
        shortQuery.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await shortQuery.Content.ReadAsStringAsync()).ShouldContain("q must be 2 to 200 characters");
        (await org.Host.QueryAsync(db => db.CrmContacts.CountAsync(c => c.PersonId == personId))).ShouldBe(0);
    }
}
