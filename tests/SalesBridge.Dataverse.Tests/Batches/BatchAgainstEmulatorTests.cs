using System.Net;
using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Batches;

[Collection("Dataverse")]
public sealed class BatchAgainstEmulatorTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task ExecuteBatchAsync_ChangeSetWithReference_CreatesLinkedRows()
    {
        var client = await dataverse.ClientAsync();
        var batch = new DataverseBatch();
        var set = batch.ChangeSet();
        var account = set.Add(BatchOperation.Create("accounts", new JsonObject { ["name"] = "Batch parent" }));
        set.Add(BatchOperation.Create("contacts", new JsonObject { ["lastname"] = "Batch child", ["parentcustomerid_account@odata.bind"] = account }));
        batch.Get("WhoAmI()");

        var results = await client.ExecuteBatchAsync(batch);

        results.Count.ShouldBe(3);
        results.Take(2).ShouldAllBe(r => r.StatusCode == HttpStatusCode.NoContent);
        var contact = await client.RetrieveAsync("contacts", EntityKey.Id(results[1].EntityId!.Value), new RetrieveOptions { Select = ["_parentcustomerid_value"] });
        contact["_parentcustomerid_value"]!.GetValue<string>().ShouldBe(results[0].EntityId.ToString());
        results[2].Body!["UserId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task ExecuteBatchAsync_FailingChangeSet_RollsBackAndThrows()
    {
        var client = await dataverse.ClientAsync();
        var name = "Rolled back " + Guid.NewGuid().ToString("N")[..8];
        var batch = new DataverseBatch();
        var set = batch.ChangeSet();
        set.Add(BatchOperation.Create("accounts", new JsonObject { ["name"] = name }));
        set.Add(BatchOperation.Create("accounts", new JsonObject { ["name"] = new string('x', 500) }));

        await Should.ThrowAsync<DataverseException>(() => client.ExecuteBatchAsync(batch));

        (await client.CountAsync("accounts", ODataFilter.Eq("name", name))).ShouldBe(0);
    }

    [Fact]
    public async Task UpsertManyAsync_2500Rows_ThreeRequestsEveryRowWritten()
    {
        var client = await dataverse.ClientAsync();
        var prefix = "BULK-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var rows = Enumerable.Range(0, 2500)
            .Select(i => (EntityKey.Alternate(("accountnumber", prefix + i)), new JsonObject { ["name"] = $"Bulk {i}" }))
            .ToArray();
        var before = client.Calls.Snapshot();

        var results = await client.UpsertManyAsync("accounts", rows);

        results.Count.ShouldBe(2500);
        results.ShouldAllBe(r => r.Succeeded);
        var used = client.Calls.Snapshot().Since(before);
        used.Requests.ShouldBe(3);
        used.BatchOperations.ShouldBe(2500);
        (await client.CountAsync("accounts", ODataFilter.StartsWith("accountnumber", prefix))).ShouldBe(2500);
    }
}
