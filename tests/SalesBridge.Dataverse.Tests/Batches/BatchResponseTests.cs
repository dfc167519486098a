using System.Net;
using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Tests.Resilience;

namespace SalesBridge.Dataverse.Tests.Batches;

public sealed class BatchResponseTests
{
    private const string StoppedAtFailure = "--batchresponse_1\r\n" +
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nOData-EntityId: https://contoso.crm.dynamics.com/api/data/v9.2/accounts(6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c13)\r\n\r\n\r\n" +
        "--batchresponse_1\r\n" +
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 412 Precondition Failed\r\nContent-Type: application/json; odata.metadata=minimal\r\n\r\n" +
        "{\"error\":{\"code\":\"0x80060892\",\"message\":\"A record with matching key values already exists.\"}}\r\n" +
        "--batchresponse_1--\r\n";

    [Fact]
    public async Task ExecuteBatchAsync_StoppedAtFirstFailure_ThrowsThatFailure()
    {
        var org = new ScriptedOrg().Then(HttpStatusCode.BadRequest, StoppedAtFailure, ("Content-Type", "multipart/mixed; boundary=batchresponse_1"));
        var batch = new DataverseBatch()
            .Add(BatchOperation.Upsert("accounts", EntityKey.Alternate(("accountnumber", "A1")), new JsonObject { ["name"] = "a" }))
            .Add(BatchOperation.Upsert("accounts", EntityKey.Alternate(("accountnumber", "A2")), new JsonObject { ["name"] = "b" }, UpsertBehavior.CreateOnly));

        var error = await Should.ThrowAsync<DataversePreconditionFailedException>(() => org.Client().ExecuteBatchAsync(batch));

        error.ErrorCode.ShouldBe("0x80060892");
        org.Received.Single().Url.ShouldEndWith("/$batch");
    }

    [Fact]
    public async Task ExecuteBatchAsync_ContinueOnError_ReturnsEveryResultAndCountsOperations()
    {
        var body = StoppedAtFailure.Replace("--batchresponse_1--", "--batchresponse_1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--batchresponse_1--", StringComparison.Ordinal);
        var org = new ScriptedOrg().Then(HttpStatusCode.OK, body, ("Content-Type", "multipart/mixed; boundary=batchresponse_1"));
        var client = org.Client();
        var batch = new DataverseBatch();
        for (var i = 0; i < 3; i++) batch.Add(BatchOperation.Upsert("accounts", EntityKey.Alternate(("accountnumber", $"A{i}")), new JsonObject()));

        var results = await client.ExecuteBatchAsync(batch, continueOnError: true);

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed, HttpStatusCode.NoContent]);
        results[0].EntityId.ShouldBe(Guid.Parse("6a7e2b1c-0d5a-4c1e-9f7a-2a6e4d9b7c13"));
        client.Calls.BatchOperations.ShouldBe(3);
        client.Calls.Requests.ShouldBe(1);
    }
}
