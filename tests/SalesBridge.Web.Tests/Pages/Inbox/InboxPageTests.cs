using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesBridge.Conversations;
using SalesBridge.Web.Tests.Api.Conversations;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Inbox;

[Collection(WorkspaceCollection.Name)]
public sealed class InboxPageTests(WorkspaceFixture workspace, BrowserFixture browser)
{
    [BrowserFact]
    public async Task Compose_InMailFromPersonPage_OpensThreadAndReplyMovesItUp()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateWithWriteBackAsync();
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await page.GotoAsync("/Inbox");
        await Assertions.Expect(page.GetByText("No conversations yet")).ToBeVisibleAsync();

        await page.OpenPersonAsync(contract.PersonIds[1]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Send InMail" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("InMail")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Copy to CRM")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Subject']")).ToContainTextAsync("subject is required for an InMail.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Body']")).ToContainTextAsync("body is required.");
        await page.GetByLabel("Subject").FillAsync("Budget talk");
        await page.GetByLabel("Body").FillAsync("Hello Anna, shall we talk?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await page.WaitForAsync("/Inbox/Thread/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget talk" })).ToBeVisibleAsync();
        var thread = page.Locator("ul.thread > li.outbound");
        await Assertions.Expect(thread).ToHaveCountAsync(1);
        await Assertions.Expect(thread).ToContainTextAsync("InMail");
        await Assertions.Expect(thread.GetByLabel("Copy message to CRM")).ToBeCheckedAsync();

        // A second, newer thread; then replying in the first moves it back to the top of the inbox.
        await page.GotoAsync($"/Inbox/Compose?personId={contract.PersonIds[2]}&kind=Message");
        await page.GetByLabel("Body").FillAsync("Hi Nancy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForAsync("/Inbox/Thread/");
        await page.GotoAsync("/Inbox");
        await Assertions.Expect(page.Locator("table.inbox tbody tr").First).ToContainTextAsync("Nancy Davolio");

        await page.GetByRole(AriaRole.Link, new() { Name = "Budget talk" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Copy message to CRM").Last).ToBeCheckedAsync();
        await page.GetByLabel("Reply", new() { Exact = true }).FillAsync("Following up on my InMail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Message sent.");
        await Assertions.Expect(page.Locator("ul.thread > li")).ToHaveCountAsync(2);

        await page.GotoAsync("/Inbox");
        var top = page.Locator("table.inbox tbody tr").First;
        await Assertions.Expect(top).ToContainTextAsync("Anna Berg");
        await Assertions.Expect(top).ToContainTextAsync("Following up on my InMail");
        await page.GetByLabel("Search conversations").FillAsync("nancy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.inbox tbody tr")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task Thread_CopyToCrmToggles_ForOneMessageAndTheWholeThread()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateWithWriteBackAsync();
        using var api = await host.ApiClientAsync(contract.SeatHolder);
        var created = await api.PostAsJsonAsync("api/v1/conversations", new { personId = contract.PersonIds[0], kind = "Message", body = "Hallo" });
        var thread = (await created.Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json))!;
        await ConversationsApiTests.RecordInboundAsync(host, contract.Id, thread.Id, "Danke, rufen Sie an");
        await using var context = await browser.NewContextAsync(host);
        var page = await context.SignInAsync(contract.SeatHolder);

        await page.GotoAsync($"/Inbox/Thread/{thread.Id}");
        var inbound = page.Locator("ul.thread > li.inbound");
        await Assertions.Expect(inbound).ToContainTextAsync("Danke, rufen Sie an");
        await inbound.GetByLabel("Copy message to CRM").UncheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("will not be copied");
        await Assertions.Expect(page.Locator("ul.thread > li.inbound").GetByLabel("Copy message to CRM")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("ul.thread > li.outbound").GetByLabel("Copy message to CRM")).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy thread to CRM" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Every message");
        var stored = await api.GetFromJsonAsync<ConversationThread>($"api/v1/conversations/{thread.Id}", ApiSignIn.Json);
        stored!.Messages.Select(m => m.CopyToCrm).ShouldBe([true, true]);
    }

    [BrowserFact]
    public async Task Inbox_AdminWithoutSeatOrOthersThread_IsRefused()
    {
        var host = await workspace.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.SeatHolder);
        var created = await api.PostAsJsonAsync("api/v1/conversations", new { personId = contract.PersonIds[0], kind = "Message", body = "Hallo" });
        var thread = (await created.Content.ReadFromJsonAsync<ConversationThread>(ApiSignIn.Json))!;

        await using var adminContext = await browser.NewContextAsync(host);
        var admin = await adminContext.SignInAsync(contract.Admin);
        (await admin.GotoAsync("/Inbox"))!.Status.ShouldBe(403);
        (await admin.GotoAsync($"/Inbox/Compose?personId={contract.PersonIds[0]}"))!.Status.ShouldBe(403);

        await using var colleagueContext = await browser.NewContextAsync(host);
        var colleague = await colleagueContext.SignInAsync(contract.OtherSeatHolder);
        (await colleague.GotoAsync($"/Inbox/Thread/{thread.Id}"))!.Status.ShouldBe(404);
    }
}
