using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class CreateTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Create_PlainPost_Returns204WithEntityIdHeader()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = "Fabrikam" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var entityId = response.Headers.GetValues("OData-EntityId").Single();
        entityId.ShouldStartWith(emulator.WebApi + "accounts(");
        response.Headers.GetValues("OData-Version").Single().ShouldBe("4.0");
        response.Headers.GetValues("x-ms-dop-hint").Single().ShouldBe("4");
        var stored = emulator.Server.Org.Store.Find("account", IdFromEntityUrl(entityId));
        stored.ShouldNotBeNull();
        stored["name"].ShouldBe("Fabrikam");
    }

    [Fact]
    public async Task Create_ReturnRepresentation_Returns201WithSelectedColumns()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts?$select=name,accountnumber", new { name = "Northwind", accountnumber = Unique("NW") },
            ("Prefer", "return=representation")));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.GetValues("Preference-Applied").ShouldContain("return=representation");
        var body = await response.JsonAsync();
        body.GetProperty("name").GetString().ShouldBe("Northwind");
        body.GetProperty("@odata.etag").GetString().ShouldStartWith("W/\"");
        body.TryGetProperty("accountid", out _).ShouldBeTrue();
        body.TryGetProperty("telephone1", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Create_ReturnRepresentationWithUnknownSelect_Returns400AndWritesNothing()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("BADSEL");

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts?$select=nosuch", new { name = "Never", accountnumber = number },
            ("Prefer", "return=representation")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        emulator.Server.Org.Store.Table("account").InKeyOrder().ShouldNotContain(r => (string?)r["accountnumber"] == number);
    }

    [Fact]
    public async Task Create_SetsSystemColumnsFromCaller()
    {
        var client = await emulator.ClientAsync();

        var id = await client.CreateAsync("contacts", new { firstname = "Ada", lastname = "Lovelace" });

        var row = emulator.Server.Org.Store.Find("contact", id)!;
        row["fullname"].ShouldBe("Ada Lovelace");
        row.Reference("ownerid")!.Id.ShouldBe(emulator.Integration.Id);
        row.Reference("createdby")!.Id.ShouldBe(emulator.Integration.Id);
        row["statecode"].ShouldBe(0);
        row["statuscode"].ShouldBe(1);
    }

    [Fact]
    public async Task Create_DuplicateAlternateKey_Returns412()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("DUP");
        await client.CreateAsync("accounts", new { name = "First", accountnumber = number });

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = "Second", accountnumber = number }));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await response.ErrorAsync()).Message.ShouldBe("A record with matching key values already exists.");
    }

    [Fact]
    public async Task Create_StringLongerThanMaxLength_Returns400Validation()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = new string('x', 161) }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (code, message) = await response.ErrorAsync();
        code.ShouldBe("0x80044331");
        message.ShouldContain("'name'");
        message.ShouldContain("'160'");
    }

    [Fact]
    public async Task Create_UnknownProperty_Returns400NamingIt()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = "X", nmae = "typo" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe("Invalid property 'nmae' was found in entity 'Microsoft.Dynamics.CRM.account'.");
    }

    [Fact]
    public async Task Create_BodyNotJson_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", "{ name: "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldStartWith("Invalid JSON.");
    }

    [Fact]
    public async Task Create_WrongValueType_Returns400NamingTheColumn()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = "X", numberofemployees = "many" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("'numberofemployees'");
    }

    [Fact]
    public async Task Create_ChoiceOutsideOptions_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "accounts", new { name = "X", industrycode = 999 }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("outside the valid range");
    }

    [Fact]
    public async Task Create_UnknownEntitySet_Returns404Segment()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "Account", new { name = "X" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).ShouldBe(("0x8006088a", "Resource not found for the segment 'Account'."));
    }

    [Fact]
    public async Task Create_InActivityPointers_Returns400()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "activitypointers", new { subject = "X" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
