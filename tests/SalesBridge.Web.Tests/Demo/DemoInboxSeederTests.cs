using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Conversations;
using SalesBridge.Paging;
using SalesBridge.Web.Demo;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Demo;

[Collection(WorkspaceCollection.Name)]
public sealed class DemoInboxSeederTests(WorkspaceFixture fixture)
{
    [Fact]
    public async Task Seed_TwiceOnAContract_GivesSeatHoldersThreadsWithAnswersOnce()
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateWithWriteBackAsync();

        for (var run = 0; run < 2; run++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var seeder = ActivatorUtilities.CreateInstance<DemoInboxSeeder>(scope.ServiceProvider);
            await seeder.SeedAsync(contract.Id, CancellationToken.None);
        }

        using var client = await host.ApiClientAsync(contract.SeatHolder);
        var inbox = (await client.GetFromJsonAsync<Page<ConversationSummary>>("api/v1/conversations", ApiSignIn.Json))!;
        inbox.TotalCount.ShouldBe(2);
        var threads = await Task.WhenAll(inbox.Items.Select(item => client.GetFromJsonAsync<ConversationThread>($"api/v1/conversations/{item.Id}", ApiSignIn.Json)));
        threads.SelectMany(thread => thread!.Messages).ShouldContain(message => message.Direction == MessageDirection.Inbound && message.CopyToCrm);
        (await client.GetFromJsonAsync<Page<SalesBridge.Notes.NoteDetails>>($"api/v1/people/{inbox.Items[0].PersonId}/notes", ApiSignIn.Json))!.TotalCount.ShouldBe(1);
    }
}
