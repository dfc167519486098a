using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Batch.BatchBody;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.Batch;

/// <summary>What real clients send varies: the emulator reads every form a real org accepts.</summary>
[Collection("Emulator")]
public sealed class BatchFormatToleranceTests(EmulatorFixture emulator)
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Post_QuotedOrUnquotedBoundaryWithCrlfOrLf_RunsEveryPart(bool quoted, bool crlf)
    {
        var client = await emulator.ClientAsync();
        var name = Unique("FMT");
        const string boundary = "any-name_1.x";
        var text = Part(boundary, "POST", "accounts", new { name }, headers: "Accept: application/json")
            + ChangeSet(boundary, "changeset_x", Part("changeset_x", "POST", "contacts", new { lastname = name }, contentId: "1"))
            + Part(boundary, "GET", "WhoAmI()")
            + Close(boundary);

        var response = await client.PostAsync("$batch", Content(text, boundary, quoted, crlf));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 204, 200]);
        emulator.Server.Org.Store.Find("account", parts[0].EntityId)!["name"].ShouldBe(name);
        parts[2].Json.GetProperty("UserId").GetGuid().ShouldBe(emulator.Integration.Id);
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("/api/data/v9.2/accounts")]
    [InlineData("{root}accounts")]
    public async Task Post_AbsoluteOrRelativeUrls_AddressTheSameResource(string form)
    {
        var client = await emulator.ClientAsync();
        var name = Unique("URL");
        var url = form.Replace("{root}", emulator.WebApi.ToString());
        var text = Part(Boundary, "POST", url, new { name }) + Part(Boundary, "GET", url.Replace("accounts", $"accounts?$select=name&$filter=name%20eq%20'{name}'")) + Close(Boundary);

        var response = await client.SendAsync(Request(text));

        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 200]);
        parts[1].Json.GetProperty("value")[0].GetProperty("accountid").GetGuid().ShouldBe(parts[0].EntityId);
    }

    [Fact]
    public async Task Post_PreambleEpilogueTrailingWhitespaceAndMissingBlankLines_AreTolerated()
    {
        var client = await emulator.ClientAsync();
        var name = Unique("TOL");
        var text = "This is a preamble that clients may send.\r\n"
            + $"--{Boundary}   \r\n"
            + "Content-Type:application/http\r\nContent-Transfer-Encoding:binary\r\n"
            + "POST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            + $"{{\"name\":\"{name}\"}}   \r\n\r\n"
            + $"--{Boundary}\r\n"
            + "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "GET WhoAmI() HTTP/1.1\r\nAccept: application/json\r\n"
            + $"--{Boundary}--  \r\n"
            + "And an epilogue.";
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/mixed;boundary={Boundary}");

        var response = await client.PostAsync("$batch", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var parts = await BatchResponseReader.ReadAsync(response);
        parts.Select(p => p.Status).ShouldBe([204, 200]);
        emulator.Server.Org.Store.Find("account", parts[0].EntityId)!["name"].ShouldBe(name);
    }

    [Fact]
    public async Task Post_OrgPrefixedServiceRoot_AnswersWithThatRoot()
    {
        var client = await emulator.ClientAsync();
        var org = emulator.Server.Org.Settings.UrlName;
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Server.BaseUri, $"{org}/api/data/v9.2/$batch"))
        {
            Content = Content(Part(Boundary, "POST", "accounts", new { name = "Prefixed" }) + Close(Boundary)),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var part = (await BatchResponseReader.ReadAsync(response)).ShouldHaveSingleItem();
        part.Headers["OData-EntityId"].ShouldStartWith(new Uri(emulator.Server.BaseUri, $"{org}/api/data/v9.2/accounts(").ToString());
    }
}
