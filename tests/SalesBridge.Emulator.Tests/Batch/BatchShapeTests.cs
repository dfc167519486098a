using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Batch.BatchBody;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Batch;

[Collection("Emulator")]
public sealed class BatchShapeTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Post_GetsAndChangeSet_AnswersEveryRequestInOrderInTheDocumentedShape()
    {
        var client = await emulator.ClientAsync();
        var existing = await client.CreateAsync("accounts", new { name = "Read in batch" });
        var name = Unique("CS");
        var text = Part(Boundary, "GET", $"accounts({existing})?$select=name")
            + ChangeSet(Boundary, "changeset_a1",
                Part("changeset_a1", "POST", "accounts", new { name }, contentId: "1"),
                Part("changeset_a1", "POST", "contacts", new { lastname = name }, contentId: "2"))
            + Part(Boundary, "GET", $"accounts?$select=name&$filter=name%20eq%20'{name}'")
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("multipart/mixed");
        response.Headers.GetValues("OData-Version").Single().ShouldBe("4.0");
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Count.ShouldBe(4);

        parts[0].ChangeSetBoundary.ShouldBeNull();
        parts[0].StatusLine.ShouldBe("HTTP/1.1 200 OK");
        parts[0].Headers["Content-Type"].ShouldStartWith("application/json; odata.metadata=minimal");
        parts[0].Headers["OData-Version"].ShouldBe("4.0");
        parts[0].Json.GetProperty("name").GetString().ShouldBe("Read in batch");

        parts[1].ChangeSetBoundary.ShouldNotBeNull();
        parts[2].ChangeSetBoundary.ShouldBe(parts[1].ChangeSetBoundary);
        parts[1].ContentId.ShouldBe("1");
        parts[2].ContentId.ShouldBe("2");
        foreach (var created in parts[1..3])
        {
            created.StatusLine.ShouldBe("HTTP/1.1 204 No Content");
            created.Headers["OData-EntityId"].ShouldStartWith(emulator.WebApi.ToString());
            created.Headers["Location"].ShouldBe(created.Headers["OData-EntityId"]);
            created.Body.ShouldBeEmpty();
        }
        parts[1].Headers["OData-EntityId"].ShouldContain("/accounts(");
        parts[2].Headers["OData-EntityId"].ShouldContain("/contacts(");

        parts[3].ChangeSetBoundary.ShouldBeNull();
        parts[3].ContentId.ShouldBeNull();
        var rows = parts[3].Json.GetProperty("value");
        rows.GetArrayLength().ShouldBe(1);
        rows[0].GetProperty("accountid").GetGuid().ShouldBe(parts[1].EntityId);
    }

    [Fact]
    public async Task Post_ReturnRepresentationInPart_AnswersCreatedRowInThePart()
    {
        var client = await emulator.ClientAsync();
        var text = Part(Boundary, "POST", "accounts?$select=name", new { name = "Represented" }, headers: "Prefer: return=representation")
            + Close(Boundary);

        var parts = await BatchResponseReader.ReadAsync(await client.SendAsync(Request(text)));

        parts.Single().StatusLine.ShouldBe("HTTP/1.1 201 Created");
        parts[0].Headers["Preference-Applied"].ShouldBe("return=representation");
        parts[0].Json.GetProperty("name").GetString().ShouldBe("Represented");
    }

    [Fact]
    public async Task Post_UpsertsByAlternateKey_CreateThenUpdateTheSameRow()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("UK");
        var text = ChangeSet(Boundary, "changeset_u",
                Part("changeset_u", "PATCH", $"accounts(accountnumber='{number}')", new { name = "First" }, contentId: "1"),
                Part("changeset_u", "PATCH", $"accounts(accountnumber='{number}')", new { name = "Second" }, contentId: "2"))
            + Close(Boundary);

        var parts = await BatchResponseReader.ReadAsync(await client.SendAsync(Request(text)));

        parts.Select(p => p.Status).ShouldBe([204, 204]);
        parts[1].EntityId.ShouldBe(parts[0].EntityId);
        var row = emulator.Server.Org.Store.Find("account", parts[0].EntityId)!;
        row["accountnumber"].ShouldBe(number);
        row["name"].ShouldBe("Second");
    }

    [Fact]
    public async Task Post_ImpersonationHeaderInPart_CreatesAsTheImpersonatedUser()
    {
        var client = await emulator.ClientAsync();
        var seller = emulator.Salesperson;
        var text = Part(Boundary, "POST", "accounts", new { name = "On behalf" }, headers: $"MSCRMCallerID: {seller.Id}") + Close(Boundary);

        var parts = await BatchResponseReader.ReadAsync(await client.SendAsync(Request(text)));

        parts.Single().Status.ShouldBe(204);
        var row = emulator.Server.Org.Store.Find("account", parts[0].EntityId)!;
        row.Reference("createdby")!.Id.ShouldBe(seller.Id);
        row.Reference("createdonbehalfby")!.Id.ShouldBe(emulator.Integration.Id);
    }

    [Fact]
    public async Task Get_Batch_ReturnsNoResource404()
    {
        var client = await emulator.ClientAsync();

        var response = await client.GetAsync("$batch");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Message.ShouldStartWith("No HTTP resource was found that matches the request URI");
    }

    [Fact]
    public async Task Post_WithoutToken_Returns401()
    {
        var response = await emulator.AnonymousClient().SendAsync(Request(Part(Boundary, "GET", "WhoAmI()") + Close(Boundary)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
