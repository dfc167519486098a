using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Tests.CrmSettings;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>SPEC S14–S17, B6: items reach the org as activities of the SalesBridge solution, once, on the right record.</summary>
public sealed class WriteBackWriterTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task NoteOnAMatchedPerson_BecomesACompletedActivityRegardingTheContact_OwnedByTheSeatHolder(string database)
    {
        await using var org = await WriteBackOrg.StartAsync(database);
        var (personId, contactId) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId);
        var item = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written");

        item.RegardingCrmId.ShouldBe(contactId);
        var activity = (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull();
        activity["statecode"]!.GetValue<int>().ShouldBe(1, "completed, so it shows in the contact's activity history");
        activity["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(contactId);
        activity["_ownerid_value"]!.GetValue<Guid>().ShouldBe(org.SellerCrm.Id);
        activity["_createdby_value"]!.GetValue<Guid>().ShouldBe(org.Import.World.IntegrationUser.Id, "the integration user is the creator by default (S16)");
        activity["activityid"]!.GetValue<Guid>().ShouldBe(item.ActivityId);
        activity["description"]!.GetValue<string>().ShouldStartWith("Met at the trade fair; wants a demo in March.");
        activity["subject"]!.GetValue<string>().ShouldStartWith("Note on ");
    }

    [Fact]
    public async Task InMailToAnUnmatchedPerson_IsAnOpenActivity_ThenCompletedAndRelinkedWhenTheAdminMatchesThePerson()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var personId = await org.UnmatchedPersonAsync();
        var sent = await org.SellerApi.PostAsJsonAsync("api/v1/conversations",
            new { personId, kind = "InMail", subject = "Your expansion to Lyon", body = "Hello, congratulations on the new office." });
        sent.IsSuccessStatusCode.ShouldBeTrue(await sent.Content.ReadAsStringAsync());
        var messageId = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("messages")[0].GetProperty("id").GetGuid();

        var open = await org.WaitForAsync(messageId, i => i.Status == WriteBackStatus.Unresolved, "the InMail to be written open");
        var openActivity = (await org.ActivityAsync(WriteBackItemKind.InMail, messageId)).ShouldNotBeNull();
        openActivity["statecode"]!.GetValue<int>().ShouldBe(0);
        openActivity["_regardingobjectid_value"].ShouldBeNull();
        open.RegardingCrmId.ShouldBeNull();

        // The admin ties an unmatched CRM contact to this person (Edit match in the match report).
        var record = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.ContractId == org.ContractId && c.PersonId == null && !c.RemovedFromCrm)
            .OrderBy(c => c.CrmId).Select(c => new { c.Id, c.CrmId }).FirstAsync());
        var edit = await org.AdminApi.PutAsJsonAsync($"api/v1/admin/crm/matches/contacts/{record.Id}", new { counterpartId = personId });
        edit.IsSuccessStatusCode.ShouldBeTrue(await edit.Content.ReadAsStringAsync());

        var relinked = await org.WaitForAsync(messageId, i => i.Status == WriteBackStatus.Written, "the InMail to be re-linked");
        relinked.RegardingCrmId.ShouldBe(record.CrmId);
        var completed = (await org.ActivityAsync(WriteBackItemKind.InMail, messageId)).ShouldNotBeNull();
        completed["statecode"]!.GetValue<int>().ShouldBe(1);
        completed["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(record.CrmId);
        completed["activityid"]!.GetValue<Guid>().ShouldBe(openActivity["activityid"]!.GetValue<Guid>(), "the same activity, re-linked, not a second one");
    }

    [Fact]
    public async Task Unticked_NothingIsQueuedOrWritten()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (personId, _) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId, copyToCrm: false);
        org.Wake();
        await Task.Delay(1500);

        (await org.Host.QueryAsync(db => db.WriteBackItems.CountAsync(i => i.ItemId == noteId))).ShouldBe(0);
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldBeNull();
    }

    [Fact]
    public async Task WrittenAgainAfterALostAnswer_StaysOneActivity()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (personId, contactId) = await org.MatchedPersonAsync();
        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written");

        // As if the worker died after the CRM wrote the activity and before it recorded that: the item is pending again.
        await org.Host.QueryAsync(db => db.WriteBackItems.Where(i => i.ItemId == noteId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Pending, true).SetProperty(i => i.Status, WriteBackStatus.Queued)));
        org.Wake();

        var again = await org.WaitForAsync(noteId, i => !i.Pending, "the note to be written again");
        again.Status.ShouldBe(WriteBackStatus.Written);
        again.RegardingCrmId.ShouldBe(contactId);
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull()["statecode"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task SeatHolderAsCreator_ImpersonatesThemWithTheIntegrationUserOnBehalf()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite, settings => settings["creator"] = "SeatHolder");
        var (personId, _) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written");

        var activity = (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull();
        activity["_createdby_value"]!.GetValue<Guid>().ShouldBe(org.SellerCrm.Id);
        activity["_createdonbehalfby_value"]!.GetValue<Guid>().ShouldBe(org.Import.World.IntegrationUser.Id);
        activity["_ownerid_value"]!.GetValue<Guid>().ShouldBe(org.SellerCrm.Id);
    }

    [Fact]
    public async Task NotesTurnedOff_TheNoteIsSkippedWithTheReason()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite, settings =>
        {
            settings["writeBackAllItems"] = false;
            settings["writeBackNotes"] = false;
        });
        var (personId, _) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId, copyToCrm: true);
        var item = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Skipped, "the note to be skipped");

        item.Reason.ShouldBe(WriteBackReasons.TypeOff("Notes"));
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldBeNull();
    }

    [Fact]
    public async Task ContactDeletedInTheCrm_TheNoteIsWrittenOpenAndSaysWhy()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (personId, contactId) = await org.MatchedPersonAsync();
        await org.Import.DeleteAsAdminAsync("contacts", contactId);

        var noteId = await org.AddNoteAsync(personId);
        var item = await org.WaitForAsync(noteId, i => !i.Pending, "the note to be written");

        item.Status.ShouldBe(WriteBackStatus.Unresolved);
        item.Reason!.ShouldContain(contactId.ToString("D"));
        var activity = (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull();
        activity["statecode"]!.GetValue<int>().ShouldBe(0);
        activity["_regardingobjectid_value"].ShouldBeNull();
    }

    [Fact]
    public async Task WriteBackOff_ATickedNoteWaitsWithTheReason_AndIsWrittenOnceTheAdminTurnsItOn()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite, settings => settings["writeBackEnabled"] = false);
        var (personId, contactId) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId, copyToCrm: true);
        var waiting = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Waiting, "the note to wait");
        waiting.Reason.ShouldBe(WriteBackReasons.WriteBackOff);
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldBeNull();

        var current = await org.AdminApi.GetSettingsAsync();
        (await org.AdminApi.PutSettingsAsync(CrmSettingsApi.Body(current, body => body["writeBackEnabled"] = true))).EnsureSuccessStatusCode();

        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written once write-back is on");
        written.RegardingCrmId.ShouldBe(contactId);
        written.Reason.ShouldBeNull();
    }

    [Fact]
    public async Task TheLongestNote_IsWrittenWhole()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite);
        var (personId, _) = await org.MatchedPersonAsync();
        var text = string.Concat(Enumerable.Repeat("0123456789", SalesBridge.Notes.Note.MaxTextLength / 10));

        var noteId = await org.AddNoteAsync(personId, text: text);
        await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written");

        var description = (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldNotBeNull()["description"]!.GetValue<string>();
        description.ShouldStartWith(text + "\n\n— ");
    }

    [Fact]
    public async Task SeatSyncDisabled_TheItemWaitsSayingWhy_AndGoesOnceTheAdminEnablesTheSeat()
    {
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite, settings => settings["autoSyncAllSeats"] = false);
        var (personId, contactId) = await org.MatchedPersonAsync();

        var noteId = await org.AddNoteAsync(personId, copyToCrm: true);
        var waiting = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Waiting, "the note to wait for the seat");
        waiting.Reason.ShouldBe(WriteBackReasons.SeatWaiting(SalesBridge.CrmSeats.SeatCrmReasons.SeatNotEnabled));
        (await org.ActivityAsync(WriteBackItemKind.Note, noteId)).ShouldBeNull();

        var seatId = await org.Host.QueryAsync(db => db.Seats.Where(s => s.UserId == org.Seller.Id).Select(s => s.Id).SingleAsync());
        (await org.AdminApi.PutAsJsonAsync($"api/v1/admin/seats/{seatId}/crm-sync", new { enabled = true })).EnsureSuccessStatusCode();

        var written = await org.WaitForAsync(noteId, i => i.Status == WriteBackStatus.Written, "the note to be written once the seat syncs");
        written.RegardingCrmId.ShouldBe(contactId);
    }
}
