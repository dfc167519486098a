using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Batch.BatchBody;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Batch;

[Collection("Emulator")]
public sealed class BatchChangeSetTests(EmulatorFixture emulator)
{
    private const string ChangeSetBoundary = "changeset_9c";

    [Fact]
    public async Task Post_ContentIdInUrlAndBind_ResolvesToRowsOfTheChangeSet()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("REF");
        var text = ChangeSet(Boundary, ChangeSetBoundary,
                Part(ChangeSetBoundary, "POST", "accounts", new { name }, contentId: "1"),
                Part(ChangeSetBoundary, "POST", "contacts", new Dictionary<string, object>
                {
                    ["lastname"] = "Bound", ["parentcustomerid_account@odata.bind"] = "$1",
                }, contentId: "2"),
                Part(ChangeSetBoundary, "PATCH", "$1", new Dictionary<string, object>
                {
                    ["name"] = name + "-renamed", ["primarycontactid@odata.bind"] = "$2",
                }, contentId: "3"),
                Part(ChangeSetBoundary, "POST", "contacts", new { lastname = "Linked later" }, contentId: "4"),
                Part(ChangeSetBoundary, "POST", "$1/contact_customer_accounts/$ref", new Dictionary<string, object> { ["@odata.id"] = "$4" }, contentId: "5"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 204, 204, 204, 204]);
        parts.Select(p => p.ContentId).ShouldBe(["1", "2", "3", "4", "5"]);
        var account = parts[0].EntityId;
        parts[2].EntityId.ShouldBe(account);
        var store = emulator.Server.Org.Store;
        store.Find("account", account)!["name"].ShouldBe(name + "-renamed");
        store.Find("account", account)!.Reference("primarycontactid")!.Id.ShouldBe(parts[1].EntityId);
        store.Find("contact", parts[1].EntityId)!.Reference("parentcustomerid")!.Id.ShouldBe(account);
        store.Find("contact", parts[3].EntityId)!.Reference("parentcustomerid")!.Id.ShouldBe(account);
    }

    [Fact]
    public async Task Post_SecondPartOfChangeSetFails_RollsBackTheFirst()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("RB");
        var text = ChangeSet(Boundary, ChangeSetBoundary,
                Part(ChangeSetBoundary, "POST", "accounts", new { name = "Rolled back", accountnumber = number }, contentId: "1"),
                Part(ChangeSetBoundary, "POST", "contacts", new { lastname = "Bad", nosuchcolumn = 1 }, contentId: "2"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var failure = (await BatchResponseReader.ReadAsync(response)).ShouldHaveSingleItem();
        failure.Status.ShouldBe(400);
        failure.ChangeSetBoundary.ShouldBeNull();
        failure.ErrorMessage.ShouldContain("nosuchcolumn");
        (await client.GetAsync($"accounts(accountnumber='{number}')")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_AlternateKeyClashInChangeSet_Answers412AndRollsBackTheWholeChangeSet()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("AK");
        var after = Unique("AFTER");
        var text = ChangeSet(Boundary, ChangeSetBoundary,
                Part(ChangeSetBoundary, "POST", "contacts", new { lastname = number }, contentId: "1"),
                Part(ChangeSetBoundary, "POST", "accounts", new { name = "First holder", accountnumber = number }, contentId: "2"),
                Part(ChangeSetBoundary, "POST", "accounts", new { name = "Second holder", accountnumber = number }, contentId: "3"))
            + Part(Boundary, "POST", "accounts", new { name = after })
            + Close(Boundary);

        var response = await client.SendAsync(Request(text, continueOnError: true));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Count.ShouldBe(2);
        parts[0].Status.ShouldBe(412);
        parts[0].StatusLine.ShouldBe("HTTP/1.1 412 Precondition Failed");
        parts[0].ContentId.ShouldBe("3");
        parts[0].ErrorMessage.ShouldBe("A record with matching key values already exists.");
        parts[1].Status.ShouldBe(204);
        (await client.GetAsync($"accounts(accountnumber='{number}')")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        emulator.Server.Org.Store.Table("contact").InKeyOrder().ShouldNotContain(c => (string?)c["lastname"] == number);
        emulator.Server.Org.Store.Find("account", parts[1].EntityId)!["name"].ShouldBe(after);
    }

    [Theory]
    [InlineData("PATCH $3")]
    [InlineData("BIND $3")]
    public async Task Post_UndeclaredContentIdReference_Answers400AndCreatesNothing(string use)
    {
        var client = await emulator.ClientAsync();
        var number = Unique("UD");
        var second = use == "PATCH $3"
            ? Part(ChangeSetBoundary, "PATCH", "$3", new { name = "Nowhere" }, contentId: "2")
            : Part(ChangeSetBoundary, "POST", "contacts", new Dictionary<string, object>
            {
                ["lastname"] = "Orphan", ["parentcustomerid_account@odata.bind"] = "$3",
            }, contentId: "2");
        var text = ChangeSet(Boundary, ChangeSetBoundary,
                Part(ChangeSetBoundary, "POST", "accounts", new { name = "Declared", accountnumber = number }, contentId: "1"),
                second,
                Part(ChangeSetBoundary, "POST", "accounts", new { name = "Declared too late" }, contentId: "3"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var failure = (await BatchResponseReader.ReadAsync(response)).ShouldHaveSingleItem();
        failure.Status.ShouldBe(400);
        failure.ErrorMessage.ShouldBe("Content-ID Reference: '$3' does not exist in the batch context.");
        (await client.GetAsync($"accounts(accountnumber='{number}')")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ContentIdOfAnotherChangeSet_IsNotVisible()
    {
        var client = await emulator.ClientAsync();
        var text = ChangeSet(Boundary, "changeset_first",
                Part("changeset_first", "POST", "accounts", new { name = "Scoped" }, contentId: "1"))
            + ChangeSet(Boundary, "changeset_second",
                Part("changeset_second", "PATCH", "$1", new { name = "Leaked" }, contentId: "1"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text, continueOnError: true));

        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 400]);
        parts[1].ErrorMessage.ShouldBe("Content-ID Reference: '$1' does not exist in the batch context.");
        emulator.Server.Org.Store.Find("account", parts[0].EntityId)!["name"].ShouldBe("Scoped");
    }
}
