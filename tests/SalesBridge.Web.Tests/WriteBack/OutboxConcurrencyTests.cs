using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>A seat holder unticks an item at the moment the worker settles it: the choice applies to what the row is then, never a 500.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class OutboxConcurrencyTests(WorkspaceFixture fixture)
{
    [Theory]
    [InlineData(WriteBackStatus.Waiting, false)]
    [InlineData(WriteBackStatus.Unresolved, true)]
    [InlineData(WriteBackStatus.Written, true)]
    public async Task UntickingWhileTheWorkerChangedTheRow_KeepsWhatIsInTheCrm_RemovesTheRest(WriteBackStatus workerMadeIt, bool kept)
    {
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        var itemId = Guid.NewGuid();
        await host.QueryAsync(db =>
        {
            db.WriteBackItems.Add(new WriteBackItem { ContractId = contract.Id, Kind = WriteBackItemKind.Note, ItemId = itemId, SeatHolderId = contract.SeatHolder.Id });
            return db.SaveChangesAsync();
        });
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<WriteBackOutbox>();
        await outbox.SetAsync(contract.Id, copy: false, [new OutboxCandidate(WriteBackItemKind.Note, itemId, contract.SeatHolder.Id, null, null, null)], CancellationToken.None);

        // The worker settles the row between the seat holder's read and save.
        await host.QueryAsync(db => db.WriteBackItems.Where(i => i.ItemId == itemId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, workerMadeIt).SetProperty(i => i.Revision, Guid.NewGuid())));
        await outbox.SaveChangesAsync(CancellationToken.None);

        var left = await host.QueryAsync(db => db.WriteBackItems.CountAsync(i => i.ItemId == itemId));
        left.ShouldBe(kept ? 1 : 0);
    }
}
