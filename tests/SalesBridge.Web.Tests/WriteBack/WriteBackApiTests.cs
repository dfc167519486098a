using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Tests.Api.Notes;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>S14, S15, B7 over the API: each item's CRM state, Retry, the unresolved report and the admin's view of the passes.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class WriteBackApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task NotesAndMessages_CarryTheirCrmState_NullWhenNotCopied(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.ConnectForLinksAsync(mine);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var person = mine.PersonIds[0];
        var written = await NoteAsync(client, person, "In the CRM");
        var notCopied = await NoteAsync(client, person, "Never copied");
        var writtenItem = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, person, itemId: written);
        var thread = await (await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = person, kind = "InMail", subject = "Hello", body = "Hi", copyToCrm = false })).Content.ReadFromJsonAsync<JsonElement>();
        var messageId = thread.GetProperty("messages")[0].GetProperty("id").GetGuid();
        var openItem = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, person, kind: WriteBackItemKind.InMail, itemId: messageId);

        var notes = (await client.GetFromJsonAsync<JsonElement>($"api/v1/people/{person}/notes")).GetProperty("items").EnumerateArray()
            .ToDictionary(n => n.GetProperty("id").GetGuid());
        var crm = notes[written].GetProperty("crm");
        crm.GetProperty("status").GetString().ShouldBe("Written");
        crm.GetProperty("activityUrl").GetString().ShouldBe(TestWriteBackItems.ActivityUrl(writtenItem));
        crm.GetProperty("writtenAt").ValueKind.ShouldBe(JsonValueKind.String);
        notes[notCopied].GetProperty("crm").ValueKind.ShouldBe(JsonValueKind.Null);

        var message = (await client.GetFromJsonAsync<JsonElement>($"api/v1/conversations/{thread.GetProperty("id").GetGuid()}")).GetProperty("messages")[0];
        message.GetProperty("crm").GetProperty("status").GetString().ShouldBe("Unresolved");
        message.GetProperty("crm").GetProperty("activityUrl").GetString().ShouldBe(TestWriteBackItems.ActivityUrl(openItem));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetItem_OwnItemShowsItsState_AnotherSeatHoldersOrContractsIs404(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        var failed = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Failed, mine.PersonIds[0], reason: "The CRM refused the activity.");
        var colleagues = await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Written, mine.PersonIds[0]);
        var otherContract = await host.AddItemAsync(theirs.Id, theirs.SeatHolder.Id, WriteBackStatus.Written, theirs.PersonIds[0]);
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var item = await client.GetFromJsonAsync<JsonElement>($"api/v1/write-back/items/{failed.ItemId}");
        item.GetProperty("itemId").GetGuid().ShouldBe(failed.ItemId);
        item.GetProperty("kind").GetString().ShouldBe("Note");
        item.GetProperty("crm").GetProperty("status").GetString().ShouldBe("Failed");
        item.GetProperty("crm").GetProperty("reason").GetString().ShouldBe("The CRM refused the activity.");
        item.GetProperty("crm").GetProperty("activityUrl").ValueKind.ShouldBe(JsonValueKind.Null, "a failed item has no activity to open");

        (await client.GetAsync($"api/v1/write-back/items/{colleagues.ItemId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/write-back/items/{otherContract.ItemId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/write-back/items/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Retry_FailedItemIsQueuedAgain_InCrmOrQueuedIs409_OthersAre404(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var failed = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Failed, mine.PersonIds[0], reason: "Gave up after 8 attempts.");
        var written = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, mine.PersonIds[0]);
        var unresolved = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, mine.PersonIds[1]);
        var colleagues = await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Failed, mine.PersonIds[0]);
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsync($"api/v1/write-back/items/{failed.ItemId}/retry", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("crm").GetProperty("status").GetString().ShouldBe("Queued");
        var stored = await host.QueryAsync(db => db.WriteBackItems.AsNoTracking().SingleAsync(i => i.Id == failed.Id));
        stored.Attempts.ShouldBe(0);
        // The worker takes it at once (this contract has no connection, so it then waits for one) — either way it left Failed.
        stored.Status.ShouldNotBe(WriteBackStatus.Failed);

        foreach (var inCrm in new[] { written, unresolved })
        {
            var refused = await client.PostAsync($"api/v1/write-back/items/{inCrm.ItemId}/retry", null);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("already in the CRM");
        }
        var queued = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Queued, mine.PersonIds[2]);
        (await client.PostAsync($"api/v1/write-back/items/{queued.ItemId}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsync($"api/v1/write-back/items/{colleagues.ItemId}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.QueryAsync(db => db.WriteBackItems.AsNoTracking().SingleAsync(i => i.Id == colleagues.Id))).Status.ShouldBe(WriteBackStatus.Failed);
        (await host.QueryAsync(db => db.WriteBackItems.AsNoTracking().SingleAsync(i => i.Id == written.Id))).Status.ShouldBe(WriteBackStatus.Written);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Unresolved_SeatHolderSeesOwnOpenActivitiesByPerson_WithTheirSavedLead(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var (p0, p1, p2) = (mine.PersonIds[0], mine.PersonIds[1], mine.PersonIds[2]);
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, p0, queuedAt: DateTimeOffset.UtcNow.AddDays(-3));
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, p0, kind: WriteBackItemKind.InMail, queuedAt: DateTimeOffset.UtcNow.AddDays(-1));
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, p1, queuedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, p2);
        await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Unresolved, p0);
        await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Unresolved, p2);
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var lead = await (await client.PostAsJsonAsync("api/v1/leads", new { personId = p1 })).Content.ReadFromJsonAsync<JsonElement>();

        var report = await client.GetFromJsonAsync<JsonElement>("api/v1/write-back/unresolved");
        report.GetProperty("totalCount").GetInt32().ShouldBe(2, "p2's open activity is a colleague's");
        var rows = report.GetProperty("items").EnumerateArray().ToList();
        rows[0].GetProperty("personId").GetGuid().ShouldBe(p0, "oldest first");
        rows[0].GetProperty("openActivities").GetInt32().ShouldBe(2, "only the caller's own");
        rows[0].GetProperty("name").GetString().ShouldBe("Jürgen Schäfer");
        rows[0].GetProperty("title").GetString().ShouldBe("Head of Purchasing");
        rows[0].GetProperty("seatHolders").GetArrayLength().ShouldBe(1);
        rows[0].GetProperty("seatHolders")[0].GetProperty("userId").GetGuid().ShouldBe(mine.SeatHolder.Id);
        rows[0].GetProperty("savedLeadId").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("personId").GetGuid().ShouldBe(p1);
        rows[1].GetProperty("savedLeadId").GetGuid().ShouldBe(lead.GetProperty("id").GetGuid());

        var second = await client.GetFromJsonAsync<JsonElement>("api/v1/write-back/unresolved?pageSize=1&page=2");
        second.GetProperty("items").EnumerateArray().Single().GetProperty("personId").GetGuid().ShouldBe(p1);
        await NotesApiTests.ShouldBeValidationProblem(await client.GetAsync("api/v1/write-back/unresolved?pageSize=0"), "pageSize", "between 1 and 200");
        await NotesApiTests.ShouldBeValidationProblem(await client.GetAsync("api/v1/write-back/unresolved?page=0"), "page", "1 or more");
        (await client.GetAsync("api/v1/admin/write-back/unresolved")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Unresolved_AdminSeesTheContract_FiltersBySeatHolder_CsvHasEveryRow(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, mine.PersonIds[0], queuedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Unresolved, mine.PersonIds[0]);
        await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Unresolved, companyId: mine.CompanyIds[1]);
        await host.AddItemAsync(theirs.Id, theirs.SeatHolder.Id, WriteBackStatus.Unresolved, theirs.PersonIds[0]);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var report = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/write-back/unresolved");
        report.GetProperty("totalCount").GetInt32().ShouldBe(2, "one person and one company; the other contract's row is not here");
        var person = report.GetProperty("items")[0];
        person.GetProperty("personId").GetGuid().ShouldBe(mine.PersonIds[0]);
        person.GetProperty("openActivities").GetInt32().ShouldBe(2);
        person.GetProperty("seatHolders").EnumerateArray().Select(h => h.GetProperty("userId").GetGuid()).ShouldBe([mine.SeatHolder.Id, mine.OtherSeatHolder.Id], ignoreOrder: true);
        var company = report.GetProperty("items")[1];
        company.GetProperty("companyId").GetGuid().ShouldBe(mine.CompanyIds[1]);
        company.GetProperty("name").GetString().ShouldBe("Northwind Traders");

        var filtered = await admin.GetFromJsonAsync<JsonElement>($"api/v1/admin/write-back/unresolved?seatHolderId={mine.SeatHolder.Id}");
        filtered.GetProperty("items").EnumerateArray().Single().GetProperty("openActivities").GetInt32().ShouldBe(1);
        await NotesApiTests.ShouldBeValidationProblem(await admin.GetAsync($"api/v1/admin/write-back/unresolved?seatHolderId={theirs.SeatHolder.Id}"), "seatHolderId", "not a user of this contract");
        await NotesApiTests.ShouldBeValidationProblem(await admin.GetAsync("api/v1/admin/write-back/unresolved?pageSize=201"), "pageSize", "between 1 and 200");

        var csv = await admin.GetAsync("api/v1/admin/write-back/unresolved.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("person_id,company_id,name,title,company,open_activities,oldest,seat_holders");
        lines.Length.ShouldBe(3);
        lines[1].ShouldStartWith($"{mine.PersonIds[0]},,Jürgen Schäfer,Head of Purchasing,");
        lines[2].ShouldContain("Northwind Traders");
        (await admin.GetAsync($"api/v1/admin/write-back/unresolved.csv?seatHolderId={theirs.SeatHolder.Id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        (await seller.GetAsync("api/v1/admin/write-back/unresolved.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RunsAndStatus_AdminSeesThePassesAndTheCountsByStatus(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var theirs = await host.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await host.QueryAsync(db =>
        {
            db.WriteBackRuns.Add(new WriteBackRun { ContractId = mine.Id, StartedAt = start, EndedAt = start.AddSeconds(2), Completed = 40, Unresolved = 3, CrmRequests = 2 });
            db.WriteBackRuns.Add(new WriteBackRun { ContractId = mine.Id, StartedAt = start.AddMinutes(5), EndedAt = start.AddMinutes(5).AddSeconds(1), Relinked = 3, Retried = 1, Failed = 1, Held = 2, CrmRequests = 4,
                FailureMessage = "The CRM could not be reached." });
            db.WriteBackRuns.Add(new WriteBackRun { ContractId = theirs.Id, StartedAt = start.AddMinutes(9), Completed = 99 });
            return db.SaveChangesAsync();
        });
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, mine.PersonIds[0]);
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, mine.PersonIds[1]);
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Failed, mine.PersonIds[1]);
        await host.AddItemAsync(theirs.Id, theirs.SeatHolder.Id, WriteBackStatus.Failed, theirs.PersonIds[1]);
        using var admin = await host.ApiClientAsync(mine.Admin);

        var runs = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/write-back/runs");
        runs.GetProperty("totalCount").GetInt32().ShouldBe(2);
        var newest = runs.GetProperty("items")[0];
        newest.GetProperty("relinked").GetInt32().ShouldBe(3);
        newest.GetProperty("crmRequests").GetInt32().ShouldBe(4);
        newest.GetProperty("failureMessage").GetString().ShouldBe("The CRM could not be reached.");
        runs.GetProperty("items")[1].GetProperty("completed").GetInt32().ShouldBe(40);
        await NotesApiTests.ShouldBeValidationProblem(await admin.GetAsync("api/v1/admin/write-back/runs?pageSize=0"), "pageSize", "between 1 and 200");

        var status = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/write-back/status");
        var counts = status.GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("status").GetString()!, c => c.GetProperty("count").GetInt32());
        counts.Count.ShouldBe(Enum.GetValues<WriteBackStatus>().Length);
        counts["Written"].ShouldBe(2);
        counts["Failed"].ShouldBe(1, "the other contract's item is not counted");
        counts["Queued"].ShouldBe(0);
        status.GetProperty("pending").GetInt32().ShouldBe(0);
        status.GetProperty("lastRun").GetProperty("relinked").GetInt32().ShouldBe(3);

        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        (await seller.GetAsync("api/v1/admin/write-back/runs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await seller.GetAsync("api/v1/admin/write-back/status")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> NoteAsync(HttpClient client, Guid personId, string text)
    {
        var response = await client.PostAsJsonAsync($"api/v1/people/{personId}/notes", new { text, copyToCrm = false });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
