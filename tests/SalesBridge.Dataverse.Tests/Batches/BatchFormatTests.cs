using System.Net;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse.Tests.Batches;

public sealed class BatchFormatTests
{
    private static readonly Uri Root = new("https://contoso.crm.dynamics.com/api/data/v9.2/");

    [Fact]
    public void Write_ChangeSetAndGet_ProducesDocumentedParts()
    {
        var batch = new DataverseBatch();
        var set = batch.ChangeSet();
        var first = set.Add(BatchOperation.Create("accounts", new JsonObject { ["name"] = "A" }));
        set.Add(BatchOperation.Upsert("contacts", EntityKey.Id(Guid.Empty), new JsonObject { ["parentcustomerid_account@odata.bind"] = first }));
        batch.Get("accounts?$select=name");

        var (body, boundary) = BatchWriter.Write(batch, Root);

        boundary.ShouldStartWith("batch_");
        body.ShouldContain("Content-Type: multipart/mixed; boundary=changeset_");
        body.ShouldContain("Content-ID: 1\r\n");
        body.ShouldContain("POST https://contoso.crm.dynamics.com/api/data/v9.2/accounts HTTP/1.1\r\n");
        body.ShouldContain("\"parentcustomerid_account@odata.bind\":\"$1\"");
        body.ShouldContain("GET https://contoso.crm.dynamics.com/api/data/v9.2/accounts?$select=name HTTP/1.1");
        body.ShouldEndWith($"--{boundary}--\r\n");
        batch.Count.ShouldBe(3);
        batch.IsSafeToRetry.ShouldBeFalse();
    }

    [Fact]
    public void Read_DocumentedResponse_OneResultPerRequest()
    {
        const string response = """
            --batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f
            Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc

            --changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 1

            HTTP/1.1 204 No Content
            OData-Version: 4.0
            Location: https://contoso.crm.dynamics.com/api/data/v9.2/tasks(a59c24f3-fafc-e411-80dd-00155d2a68cb)
            OData-EntityId: https://contoso.crm.dynamics.com/api/data/v9.2/tasks(a59c24f3-fafc-e411-80dd-00155d2a68cb)


            --changesetresponse_ff83b4f1-ab48-430c-b81c-926a2c596abc--
            --batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 200 OK
            Content-Type: application/json; odata.metadata=minimal
            OData-Version: 4.0

            {"@odata.context":"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#tasks(subject)","value":[{"subject":"Task 1"}]}
            --batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 404 Not Found
            Content-Type: application/json; odata.metadata=minimal

            {"error":{"code":"0x80040217","message":"task With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist"}}
            --batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f--
            """;

        var results = BatchReader.Read(response, "batchresponse_c1bd45c1-dd81-470d-b897-e965846aad2f");

        results.Count.ShouldBe(3);
        results[0].StatusCode.ShouldBe(HttpStatusCode.NoContent);
        results[0].ContentId.ShouldBe("1");
        results[0].EntityId.ShouldBe(Guid.Parse("a59c24f3-fafc-e411-80dd-00155d2a68cb"));
        results[1].Body!["value"]!.AsArray().Count.ShouldBe(1);
        results[2].Error.ShouldBeOfType<DataverseNotFoundException>().ErrorCode.ShouldBe("0x80040217");
    }

    [Fact]
    public void ChangeSet_Get_IsRefused()
    {
        var set = new DataverseBatch().ChangeSet();

        Should.Throw<InvalidOperationException>(() => set.Add(new BatchOperation(HttpMethod.Get, "accounts", null, null, true)));
    }

    [Fact]
    public void Batch_OverThousandRequests_IsRefused()
    {
        var batch = new DataverseBatch();
        for (var i = 0; i < DataverseBatch.MaxRequests; i++) batch.Get("accounts");

        Should.Throw<InvalidOperationException>(() => batch.Get("accounts"));
    }
}
