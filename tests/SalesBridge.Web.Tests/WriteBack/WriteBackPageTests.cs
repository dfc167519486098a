using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>The pages that show write-back (S14, S15, B7), read as served: each state's words and links, Retry, the reports.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed partial class WriteBackPageTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ThreadAndNotes_ShowEachItemsState_RetryQueuesAFailedOneAgain(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.ConnectForLinksAsync(mine);
        using var api = await host.ApiClientAsync(mine.SeatHolder);
        var person = mine.PersonIds[0];
        var thread = await (await api.PostAsJsonAsync("api/v1/conversations",
            new { personId = person, kind = "InMail", subject = "Statuses", body = "First", copyToCrm = false })).Content.ReadFromJsonAsync<JsonElement>();
        var threadId = thread.GetProperty("id").GetGuid();
        var messageIds = new List<Guid> { thread.GetProperty("messages")[0].GetProperty("id").GetGuid() };
        foreach (var body in new[] { "Second", "Third", "Fourth" })
        {
            var reply = await api.PostAsJsonAsync($"api/v1/conversations/{threadId}/messages", new { body, copyToCrm = false });
            messageIds.Add((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var written = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, person, kind: WriteBackItemKind.InMail, itemId: messageIds[0]);
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, person, kind: WriteBackItemKind.Message, itemId: messageIds[1]);
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Waiting, person, kind: WriteBackItemKind.Message, itemId: messageIds[2],
            reason: WriteBackReasons.WriteBackOff);
        var failed = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Failed, person, kind: WriteBackItemKind.Message, itemId: messageIds[3],
            reason: "The CRM refused the activity: the owner has no licence.");
        using var client = await host.PageClientAsync(mine.SeatHolder);

        var html = await client.GetStringAsync($"Inbox/Thread/{threadId}");
        var items = Items().Matches(html).ToDictionary(m => Guid.Parse(m.Groups[1].Value), m => m.Value);
        items[messageIds[0]].ShouldContain($"href=\"{HtmlEncoder.Default.Encode(TestWriteBackItems.ActivityUrl(written))}\"");
        items[messageIds[0]].ShouldContain(">In CRM<");
        items[messageIds[1]].ShouldContain(CrmItemStatus.UnresolvedText);
        items[messageIds[1]].ShouldContain("href=\"/WriteBack/Unresolved\"");
        items[messageIds[2]].ShouldContain(HtmlEncoder.Default.Encode(WriteBackReasons.WriteBackOff));
        items[messageIds[3]].ShouldContain(HtmlEncoder.Default.Encode("Failed: The CRM refused the activity: the owner has no licence."));
        items[messageIds[3]].ShouldContain(">Retry</button>");
        items[messageIds[0]].ShouldNotContain(">Retry</button>");

        var token = Antiforgery().Match(html).Groups[1].Value;
        var retried = await client.PostAsync("WriteBack/Retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["itemId"] = failed.ItemId.ToString(), ["returnUrl"] = $"/Inbox/Thread/{threadId}#message-{failed.ItemId}", ["__RequestVerificationToken"] = token,
        }));
        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        retried.Headers.Location!.ToString().ShouldBe($"/Inbox/Thread/{threadId}#message-{failed.ItemId}");
        var stored = await host.QueryAsync(db => db.WriteBackItems.AsNoTracking().SingleAsync(i => i.Id == failed.Id));
        stored.Status.ShouldNotBe(WriteBackStatus.Failed);
        stored.Attempts.ShouldBe(0);

        var refused = await client.PostAsync("WriteBack/Retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["itemId"] = written.ItemId.ToString(), ["returnUrl"] = $"/Inbox/Thread/{threadId}", ["__RequestVerificationToken"] = token,
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("already in the CRM");

        // The notes panel on the person's page says the same.
        var note = await (await api.PostAsJsonAsync($"api/v1/people/{person}/notes", new { text = "Panel note", copyToCrm = false })).Content.ReadFromJsonAsync<JsonElement>();
        var noteItem = await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Written, person, itemId: note.GetProperty("id").GetGuid());
        var personPage = await client.GetStringAsync($"People/{person}");
        personPage.ShouldContain($"href=\"{HtmlEncoder.Default.Encode(TestWriteBackItems.ActivityUrl(noteItem))}\"");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UnresolvedPages_SeatHolderSeesOwn_AdminSeesAllWithFilterAndCsv_SyncPageShowsThePasses(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        await host.AddItemAsync(mine.Id, mine.SeatHolder.Id, WriteBackStatus.Unresolved, mine.PersonIds[0]);
        await host.AddItemAsync(mine.Id, mine.OtherSeatHolder.Id, WriteBackStatus.Unresolved, mine.PersonIds[3]);
        await host.QueryAsync(db =>
        {
            db.WriteBackRuns.Add(new WriteBackRun { ContractId = mine.Id, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1), EndedAt = DateTimeOffset.UtcNow, Completed = 12, Unresolved = 2, CrmRequests = 3 });
            return db.SaveChangesAsync();
        });
        using (var api = await host.ApiClientAsync(mine.SeatHolder))
        {
            (await api.PostAsJsonAsync("api/v1/leads", new { personId = mine.PersonIds[0] })).EnsureSuccessStatusCode();
        }

        using var seller = await host.PageClientAsync(mine.SeatHolder);
        var own = await seller.GetStringAsync("WriteBack/Unresolved");
        own.ShouldContain(HtmlEncoder.Default.Encode("Jürgen Schäfer"));
        own.ShouldNotContain("Fuller", Case.Sensitive, "Andrew Fuller's open activity is a colleague's");
        // Saved as a lead or not, a person's row acts on the person: their page's CRM card, or Create record posted to it.
        own.ShouldContain($"href=\"/People/{mine.PersonIds[0]}#crm\">Edit match</a>");
        own.ShouldNotContain("Save as", Case.Sensitive);
        own.ShouldContain($"action=\"/People/{mine.PersonIds[0]}?handler=CreateRecord\"");
        own.ShouldContain("href=\"/WriteBack/Unresolved\" aria-current=\"page\"");
        (await seller.GetAsync("Admin/Crm/Unresolved")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await host.PageClientAsync(mine.Admin);
        var all = await admin.GetStringAsync("Admin/Crm/Unresolved");
        all.ShouldContain(HtmlEncoder.Default.Encode("Jürgen Schäfer"));
        all.ShouldContain("Andrew Fuller");
        all.ShouldContain($"href=\"/People/{mine.PersonIds[3]}#crm\">Edit match</a>");
        var filtered = await admin.GetStringAsync($"Admin/Crm/Unresolved?seatHolderId={mine.OtherSeatHolder.Id}");
        filtered.ShouldContain("Andrew Fuller");
        filtered.ShouldNotContain("Head of Purchasing");
        var csv = await admin.GetAsync($"Admin/Crm/Unresolved?handler=Csv&seatHolderId={mine.OtherSeatHolder.Id}");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("Andrew Fuller");

        var sync = await admin.GetStringAsync("Admin/Crm/Sync");
        sync.ShouldContain("Write-back to your CRM");
        sync.ShouldContain("<dd data-status=\"Unresolved\">2</dd>");
        sync.ShouldContain("<td>12</td><td>2</td>");
    }

    [GeneratedRegex("<li id=\"message-([0-9a-f-]{36})\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex Items();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
