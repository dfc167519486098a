using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Conversations;
using SalesBridge.Notes;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>SPEC S14: Copy to CRM starts ticked only for the item types the admin writes back; a ticked item enters the outbox with it.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class CopyToCrmDefaultsTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task WriteBackOff_ItemsAreNotCopiedUnlessTicked_AndOnlyTickedOnesEnterTheOutbox(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = await host.ApiClientAsync(contract.SeatHolder);

        var plain = await (await client.PostAsJsonAsync($"api/v1/people/{contract.PersonIds[0]}/notes", new { text = "No default copy." }))
            .Content.ReadFromJsonAsync<NoteDetails>(ApiSignIn.Json);
        var ticked = await (await client.PostAsJsonAsync($"api/v1/people/{contract.PersonIds[0]}/notes", new { text = "Copy this.", copyToCrm = true }))
            .Content.ReadFromJsonAsync<NoteDetails>(ApiSignIn.Json);

        plain!.CopyToCrm.ShouldBeFalse();
        ticked!.CopyToCrm.ShouldBeTrue();
        var outbox = await host.QueryAsync(db => db.WriteBackItems.Where(i => i.ContractId == contract.Id).Select(i => i.ItemId).ToListAsync());
        outbox.ShouldBe([ticked.Id]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task InMailsOffMessagesOn_TheDefaultFollowsTheType(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateWithWriteBackAsync();
        await host.QueryAsync(async db =>
        {
            var settings = await db.CrmSettings.SingleAsync(s => s.ContractId == contract.Id);
            (settings.WriteBackAllItems, settings.WriteBackInMails, settings.WriteBackMessages) = (false, false, true);
            return await db.SaveChangesAsync();
        });
        using var client = await host.ApiClientAsync(contract.SeatHolder);

        var inMail = await (await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = contract.PersonIds[0], kind = "InMail", subject = "Hello", body = "An InMail." })).Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json);
        var message = await (await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = contract.PersonIds[1], kind = "Message", body = "A message." })).Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json);

        inMail!.Messages.Single().CopyToCrm.ShouldBeFalse();
        message!.Messages.Single().CopyToCrm.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task UntickingAQueuedItem_TakesItOutOfTheOutbox_TickingAgainPutsItBack(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(contract.SeatHolder);
        var thread = await (await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = contract.PersonIds[0], kind = "InMail", subject = "Hello", body = "An InMail." })).Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json);
        var messageId = thread!.Messages.Single().Id;
        Task<int> Queued() => host.QueryAsync(db => db.WriteBackItems.CountAsync(i => i.ItemId == messageId));
        (await Queued()).ShouldBe(1, "the contract is not connected, so the item waits in the outbox");

        (await client.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { copyToCrm = false })).EnsureSuccessStatusCode();
        (await Queued()).ShouldBe(0);
        (await client.PatchAsJsonAsync($"api/v1/messages/{messageId}", new { copyToCrm = true })).EnsureSuccessStatusCode();
        (await Queued()).ShouldBe(1);
    }
}
