using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Conversations;
using SalesBridge.Paging;
using SalesBridge.Web.Tests.Api.Notes;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Conversations;

[Collection(WorkspaceCollection.Name)]
public sealed class ConversationsApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StartConversation_InMail_Is201WithThreadAndCopyToCrmByDefault(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = mine.PersonIds[1], kind = "InMail", subject = " Your Q3 plans ", body = " Hello Anna " });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var thread = (await response.Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/conversations/{thread.Id}");
        thread.Subject.ShouldBe("Your Q3 plans");
        thread.PersonName.ShouldBe("Anna Berg");
        thread.PersonTitle.ShouldBe("CFO");
        var message = thread.Messages.Single();
        message.Body.ShouldBe("Hello Anna");
        message.Kind.ShouldBe(MessageKind.InMail);
        message.Direction.ShouldBe(MessageDirection.Outbound);
        message.CopyToCrm.ShouldBeTrue();
        (await GetAsync(client, thread.Id)).Messages.Single().Id.ShouldBe(message.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StartConversation_MessageWithoutSubject_IsTitledAfterThePerson(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var thread = await StartAsync(client, mine.PersonIds[0], "Message", null, "Hallo Jürgen", copyToCrm: false);

        thread.Subject.ShouldBe("Message to Jürgen Schäfer");
        thread.Messages.Single().Kind.ShouldBe(MessageKind.Message);
        thread.Messages.Single().CopyToCrm.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StartConversation_InMailBodyTooLong_Is400NamingBodyAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        var response = await client.PostAsJsonAsync("api/v1/conversations",
            new { personId = mine.PersonIds[0], kind = "InMail", subject = "Hi", body = new string('x', ConversationMessage.MaxInMailBodyLength + 1) });

        await NotesApiTests.ShouldBeValidationProblem(response, "body", "at most 2000 characters");
        (await InboxAsync(client)).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StartConversation_BadInput_Is400NamingTheFieldAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var person = mine.PersonIds[0];

        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, kind = "InMail", body = "Hi" }), "subject", "required for an InMail");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, kind = "InMail", subject = new string('s', 201), body = "Hi" }), "subject", "at most 200");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, kind = "Message", body = " " }), "body", "body is required");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, body = "Hi" }), "kind", "kind is required");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { kind = "Message", body = "Hi" }), "personId", "personId is required");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, kind = "Message", body = new string('x', ConversationMessage.MaxMessageBodyLength + 1) }), "body", "at most 8000");
        (await client.PostAsJsonAsync("api/v1/conversations", new { personId = person, kind = "Fax", body = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await InboxAsync(client)).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StartConversation_PersonOfAnotherContractOrUnknown_Is404AndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);

        (await client.PostAsJsonAsync("api/v1/conversations", new { personId = theirs.PersonIds[0], kind = "Message", body = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync("api/v1/conversations", new { personId = Guid.NewGuid(), kind = "Message", body = "Hi" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await InboxAsync(client)).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reply_MovesThreadToTopOfInboxAndDefaultsToMessage(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var older = await StartAsync(client, mine.PersonIds[0], "InMail", "First", "one");
        var newer = await StartAsync(client, mine.PersonIds[1], "Message", null, "two");
        (await InboxAsync(client)).Items.Select(c => c.Id).ShouldBe([newer.Id, older.Id]);

        var response = await client.PostAsJsonAsync($"api/v1/conversations/{older.Id}/messages", new { body = "following up" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reply = (await response.Content.ReadFromJsonAsync<MessageDetails>(ApiSignIn.Json))!;
        reply.Kind.ShouldBe(MessageKind.Message);
        reply.Direction.ShouldBe(MessageDirection.Outbound);
        reply.CopyToCrm.ShouldBeTrue();
        var inbox = await InboxAsync(client);
        inbox.Items.Select(c => c.Id).ShouldBe([older.Id, newer.Id]);
        var top = inbox.Items[0];
        top.LastMessageExcerpt.ShouldBe("following up");
        top.MessageCount.ShouldBe(2);
        top.FirstMessageKind.ShouldBe(MessageKind.InMail);
        top.PersonName.ShouldBe("Jürgen Schäfer");
        top.PersonCompanyName.ShouldBe("Müller Maschinenbau GmbH");
        top.LastMessageAt.ShouldBe(reply.SentAt, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        (await GetAsync(client, older.Id)).Messages.Select(m => m.Body).ShouldBe(["one", "following up"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reply_BadInputOrOthersThread_Is4xxAndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var thread = await StartAsync(client, mine.PersonIds[0], "InMail", "Hi", "one");

        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = "" }), "body", "body is required");
        await NotesApiTests.ShouldBeValidationProblem(await client.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = new string('x', 2001), kind = "InMail" }), "body", "at most 2000");
        (await client.PostAsJsonAsync($"api/v1/conversations/{Guid.NewGuid()}/messages", new { body = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stored = await GetAsync(client, thread.Id);
        stored.Messages.Count.ShouldBe(1);
        stored.LastMessageAt.ShouldBe(thread.LastMessageAt);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListConversations_QueryMatchesNameOrSubject_OnlyCallersOwn(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        var toJurgen = await StartAsync(client, mine.PersonIds[0], "Message", "Pricing", "a");
        var toNancy = await StartAsync(client, mine.PersonIds[2], "InMail", "Renewal of the licence", "b");
        await StartAsync(colleague, mine.PersonIds[0], "Message", "Pricing too", "c");

        (await InboxAsync(client, "?query=jurgen")).Items.Select(c => c.Id).ShouldBe([toJurgen.Id]);
        (await InboxAsync(client, "?query=RENEWAL")).Items.Select(c => c.Id).ShouldBe([toNancy.Id]);
        (await InboxAsync(client, "?query=nobody")).Items.ShouldBeEmpty();
        (await InboxAsync(client, "?pageSize=1&page=2")).Items.Select(c => c.Id).ShouldBe([toJurgen.Id]);
        (await InboxAsync(client)).TotalCount.ShouldBe(2);
        (await InboxAsync(colleague)).TotalCount.ShouldBe(1);
        await NotesApiTests.ShouldBeValidationProblem(await client.GetAsync("api/v1/conversations?pageSize=0"), "pageSize", "between 1 and 200");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ListConversations_LongLastMessage_ExcerptIsAtMost140Characters(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        await StartAsync(client, mine.PersonIds[0], "Message", null, string.Concat(Enumerable.Repeat("word\n", 100)));

        var excerpt = (await InboxAsync(client)).Items.Single().LastMessageExcerpt;

        excerpt.Length.ShouldBeLessThanOrEqualTo(140);
        excerpt.ShouldStartWith("word word");
        excerpt.ShouldEndWith("…");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task GetConversation_OfAnotherSeatHolderOrContract_Is404(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var thread = await StartAsync(client, mine.PersonIds[0], "Message", null, "private");

        (await colleague.GetAsync($"api/v1/conversations/{thread.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"api/v1/conversations/{thread.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"api/v1/conversations/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await InboxAsync(colleague)).TotalCount.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetMessageCopyToCrm_TogglesOneMessage(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var thread = await StartAsync(client, mine.PersonIds[0], "InMail", "Hi", "one");
        (await client.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = "two" })).EnsureSuccessStatusCode();
        var first = thread.Messages.Single();

        var off = await client.PatchAsJsonAsync($"api/v1/messages/{first.Id}", new { copyToCrm = false });

        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.Content.ReadFromJsonAsync<MessageDetails>(ApiSignIn.Json))!.CopyToCrm.ShouldBeFalse();
        (await GetAsync(client, thread.Id)).Messages.Select(m => m.CopyToCrm).ShouldBe([false, true]);
        (await client.PatchAsJsonAsync($"api/v1/messages/{first.Id}", new { copyToCrm = true })).EnsureSuccessStatusCode();
        (await GetAsync(client, thread.Id)).Messages.Select(m => m.CopyToCrm).ShouldBe([true, true]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetMessageCopyToCrm_BadInputOrOthersMessage_Is4xxAndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        using var stranger = await host.ApiClientAsync(theirs.SeatHolder);
        var thread = await StartAsync(client, mine.PersonIds[0], "InMail", "Hi", "one");
        var message = thread.Messages.Single();

        await NotesApiTests.ShouldBeValidationProblem(await client.PatchAsJsonAsync($"api/v1/messages/{message.Id}", new { }), "copyToCrm", "copyToCrm is required");
        (await colleague.PatchAsJsonAsync($"api/v1/messages/{message.Id}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PatchAsJsonAsync($"api/v1/messages/{message.Id}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PatchAsJsonAsync($"api/v1/messages/{Guid.NewGuid()}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await GetAsync(client, thread.Id)).Messages.Single().CopyToCrm.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetThreadCopyToCrm_SetsEveryMessageIncludingInbound(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        using var colleague = await host.ApiClientAsync(mine.OtherSeatHolder);
        var thread = await StartAsync(client, mine.PersonIds[0], "InMail", "Hi", "one", copyToCrm: false);
        var answer = await RecordInboundAsync(host, mine.Id, thread.Id, "Thanks, call me");
        answer.Direction.ShouldBe(MessageDirection.Inbound);
        answer.CopyToCrm.ShouldBeTrue();

        var on = await client.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { copyToCrm = true });

        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await on.Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json))!.Messages.Select(m => m.CopyToCrm).ShouldBe([true, true]);
        (await colleague.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await NotesApiTests.ShouldBeValidationProblem(await client.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { }), "copyToCrm", "required");
        (await client.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { copyToCrm = false })).EnsureSuccessStatusCode();
        (await GetAsync(client, thread.Id)).Messages.Select(m => m.CopyToCrm).ShouldBe([false, false]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RecordInboundMessage_AppearsInThreadAndMovesItUp(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        var theirs = await host.CreateAsync();
        using var client = await host.ApiClientAsync(mine.SeatHolder);
        var older = await StartAsync(client, mine.PersonIds[0], "InMail", "Hi", "one");
        var newer = await StartAsync(client, mine.PersonIds[1], "Message", null, "two");

        await RecordInboundAsync(host, mine.Id, older.Id, "An answer");

        var inbox = await InboxAsync(client);
        inbox.Items.Select(c => c.Id).ShouldBe([older.Id, newer.Id]);
        inbox.Items[0].LastMessageExcerpt.ShouldBe("An answer");
        (await GetAsync(client, older.Id)).Messages.Select(m => m.Direction).ShouldBe([MessageDirection.Outbound, MessageDirection.Inbound]);
        await Should.ThrowAsync<SalesBridge.Errors.NotFoundException>(() => RecordInboundAsync(host, theirs.Id, older.Id, "wrong contract"));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Conversations_AdminWithoutSeat_Is403AndUnchanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateWithWriteBackAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        var thread = await StartAsync(seller, mine.PersonIds[0], "InMail", "Hi", "one");
        var message = thread.Messages.Single();

        (await admin.GetAsync("api/v1/conversations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"api/v1/conversations/{thread.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("api/v1/conversations", new { personId = mine.PersonIds[0], kind = "Message", body = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"api/v1/conversations/{thread.Id}/messages", new { body = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PatchAsJsonAsync($"api/v1/messages/{message.Id}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PatchAsJsonAsync($"api/v1/conversations/{thread.Id}", new { copyToCrm = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var stored = await GetAsync(seller, thread.Id);
        stored.Messages.Single().CopyToCrm.ShouldBeTrue();
        (await InboxAsync(seller)).TotalCount.ShouldBe(1);
    }

    private static async Task<ConversationThread> StartAsync(HttpClient client, Guid personId, string kind, string? subject, string body, bool? copyToCrm = null)
    {
        var response = await client.PostAsJsonAsync("api/v1/conversations", new { personId, kind, subject, body, copyToCrm });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json))!;
    }

    private static async Task<ConversationThread> GetAsync(HttpClient client, Guid conversationId) =>
        (await client.GetFromJsonAsync<ConversationThread>($"api/v1/conversations/{conversationId}", ApiSignIn.Json))!;

    private static async Task<Page<ConversationSummary>> InboxAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<Page<ConversationSummary>>($"api/v1/conversations{query}", ApiSignIn.Json))!;

    /// <summary>The person answers: the messaging system records it through the use case (it has no API).</summary>
    internal static async Task<MessageDetails> RecordInboundAsync(WorkspaceHost host, Guid contractId, Guid conversationId, string body)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var record = scope.ServiceProvider.GetRequiredService<RecordInboundMessage>();
        return await record.HandleAsync(contractId, conversationId, new RecordInboundMessage.Request { Body = body }, CancellationToken.None);
    }
}
