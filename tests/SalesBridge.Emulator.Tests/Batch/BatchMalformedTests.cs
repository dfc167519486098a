using System.Net;
using System.Text;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Batch.BatchBody;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Batch;

[Collection("Emulator")]
public sealed class BatchMalformedTests(EmulatorFixture emulator)
{
    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "multipart/mixed", Part(Boundary, "GET", "WhoAmI()") + Close(Boundary), "does not include a batch boundary" },
        { "application/json", """{"requests":[]}""", "JSON batch requests are not supported" },
        { $"multipart/mixed; boundary={Boundary}", "no delimiter at all\n", $"does not contain the boundary delimiter '--{Boundary}'" },
        { $"multipart/mixed; boundary={Boundary}", Part(Boundary, "GET", "WhoAmI()"), $"the closing delimiter '--{Boundary}--' is missing" },
        { $"multipart/mixed; boundary={Boundary}", $"--{Boundary}\nContent-Transfer-Encoding: binary\n\nGET WhoAmI() HTTP/1.1\n\n" + Close(Boundary), "The 'Content-Type' header is missing" },
        { $"multipart/mixed; boundary={Boundary}", $"--{Boundary}\nContent-Type: text/plain\n\nhello\n" + Close(Boundary), "The content type 'text/plain' of a batch part is not supported" },
        { $"multipart/mixed; boundary={Boundary}", Part(Boundary, "FETCH", "accounts") + Close(Boundary), "The request line 'FETCH accounts HTTP/1.1' is invalid" },
        { $"multipart/mixed; boundary={Boundary}", $"--{Boundary}\nContent-Type: application/http\n\nGET accounts HTTP/2.0\n\n" + Close(Boundary), "The request line 'GET accounts HTTP/2.0' is invalid" },
        { $"multipart/mixed; boundary={Boundary}", $"--{Boundary}\nContent-Type: application/http\n\nGET\n\n" + Close(Boundary), "The request line 'GET' is invalid" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_MalformedBody_Answers400NamingTheProblem(string contentType, string body, string expected)
    {
        var client = await emulator.ClientAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("\n", "\r\n")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("$batch", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Post_1001Requests_Answers400AndRunsNone()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("MANY");
        var text = new StringBuilder();
        for (var i = 0; i < 500; i++) text.Append(Part(Boundary, "POST", "accounts", new { name }));
        text.Append(ChangeSet(Boundary, "changeset_m", Enumerable.Range(0, 501).Select(_ => Part("changeset_m", "POST", "accounts", new { name })).ToArray()));
        text.Append(Close(Boundary));

        var response = await client.SendAsync(Request(text.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe(
            "The current batch message contains too many parts. Only batch messages with a maximum number of '1000' query operations, including changeset operations, are allowed.");
        emulator.Server.Org.Store.Table("account").InKeyOrder().ShouldNotContain(a => (string?)a["name"] == name);
    }

    [Fact]
    public async Task Post_1000Requests_RunsThemAll()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("LIMIT");
        var text = string.Concat(Enumerable.Range(0, 1000).Select(_ => Part(Boundary, "POST", "accounts", new { name }))) + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        emulator.Server.Org.Store.Table("account").InKeyOrder().Count(a => (string?)a["name"] == name).ShouldBe(1000);
    }

    [Fact]
    public async Task Post_GetInsideChangeSet_Answers400AndRunsNothing()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("GET");
        var text = ChangeSet(Boundary, "changeset_g",
                Part("changeset_g", "POST", "accounts", new { name = "Never", accountnumber = number }, contentId: "1"),
                Part("changeset_g", "GET", "accounts?$select=name", contentId: "2"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text, continueOnError: true));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe(
            "An invalid HTTP method 'GET' was detected for a request in a change set. Requests in change sets only support the HTTP methods 'POST', 'PUT', 'DELETE', and 'PATCH'.");
        (await client.GetAsync($"accounts(accountnumber='{number}')")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("$batch")]
    [InlineData("/api/data/v9.2/$batch")]
    public async Task Post_NestedBatch_Answers400(string url)
    {
        var client = await emulator.ClientAsync();
        var inner = Part("batch_inner", "GET", "WhoAmI()") + Close("batch_inner");
        var text = $"--{Boundary}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nPOST {url} HTTP/1.1\n" +
            $"Content-Type: multipart/mixed; boundary=batch_inner\n\n{inner}" + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe("Batch requests can't contain other batch requests.");
    }

    [Fact]
    public async Task Post_NestedChangeSet_Answers400()
    {
        var client = await emulator.ClientAsync();
        var text = ChangeSet(Boundary, "changeset_outer", ChangeSet("changeset_outer", "changeset_inner",
                Part("changeset_inner", "POST", "accounts", new { name = "Nested" }))) + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe("Nested change sets in a batch payload are not supported.");
    }

    [Fact]
    public async Task Post_DuplicateContentIdInChangeSet_Answers400()
    {
        var client = await emulator.ClientAsync();
        var text = ChangeSet(Boundary, "changeset_d",
                Part("changeset_d", "POST", "accounts", new { name = "One" }, contentId: "1"),
                Part("changeset_d", "POST", "accounts", new { name = "Two" }, contentId: "1"))
            + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldStartWith("The content ID '1' was found more than once");
    }

    [Fact]
    public async Task Post_UrlLongerThan64KB_Answers400()
    {
        var client = await emulator.ClientAsync();
        var text = Part(Boundary, "GET", "accounts?$filter=" + new string('a', 65_536)) + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("at most 65,536 characters");
    }
}
