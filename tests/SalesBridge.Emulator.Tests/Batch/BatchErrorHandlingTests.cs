using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Batch.BatchBody;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Batch;

[Collection("Emulator")]
public sealed class BatchErrorHandlingTests(EmulatorFixture emulator)
{
    private static string ThreeCreatesFirstTooLong(string name) =>
        Part(Boundary, "POST", "tasks", new { subject = new string('x', 401) })
        + Part(Boundary, "POST", "accounts", new { name = name + "-2" })
        + Part(Boundary, "POST", "accounts", new { name = name + "-3" })
        + Close(Boundary);

    [Fact]
    public async Task Post_FailureWithContinueOnError_Answers200WithFailureInItsPartAndRunsLaterParts()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("COE");

        var response = await client.SendAsync(Request(ThreeCreatesFirstTooLong(name), continueOnError: true));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Preference-Applied").ShouldContain("odata.continue-on-error");
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([400, 204, 204]);
        parts[0].StatusLine.ShouldBe("HTTP/1.1 400 Bad Request");
        parts[0].Headers["Content-Type"].ShouldBe("application/json; odata.metadata=minimal");
        parts[0].Json.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x80044331");
        emulator.Server.Org.Store.Find("account", parts[1].EntityId)!["name"].ShouldBe(name + "-2");
        emulator.Server.Org.Store.Find("account", parts[2].EntityId)!["name"].ShouldBe(name + "-3");
    }

    [Fact]
    public async Task Post_FailureWithoutContinueOnError_Answers400WithTheFailureAndRunsNothingAfterIt()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("STOP");
        var before = Unique("BEFORE");

        var response = await client.SendAsync(Request(Part(Boundary, "POST", "accounts", new { name = before }) + ThreeCreatesFirstTooLong(name)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Preference-Applied").ShouldBeFalse();
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 400]);
        parts[1].Json.GetProperty("error").GetProperty("code").GetString().ShouldBe("0x80044331");
        emulator.Server.Org.Store.Find("account", parts[0].EntityId)!["name"].ShouldBe(before);
        emulator.Server.Org.Store.Table("account").InKeyOrder().ShouldNotContain(a => ((string?)a["name"] ?? "").StartsWith(name));
    }

    [Fact]
    public async Task Post_FailedChangeSetWithoutContinueOnError_StopsTheBatch()
    {
        var client = await emulator.ClientAsync();
        var after = Unique("NOTRUN");
        var text = ChangeSet(Boundary, "changeset_f",
                Part("changeset_f", "DELETE", $"accounts({Guid.NewGuid()})", contentId: "1"))
            + Part(Boundary, "POST", "accounts", new { name = after })
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var failure = (await BatchResponseReader.ReadAsync(response)).ShouldHaveSingleItem();
        failure.Status.ShouldBe(404);
        failure.ContentId.ShouldBe("1");
        emulator.Server.Org.Store.Table("account").InKeyOrder().ShouldNotContain(a => (string?)a["name"] == after);
    }
}
