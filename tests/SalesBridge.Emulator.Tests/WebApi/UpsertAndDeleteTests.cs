using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class UpsertAndDeleteTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task Patch_ExistingRow_Updates204AndChangesEtag()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Before" });
        var before = emulator.Server.Org.Store.Find("account", id)!.ETag;

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "After" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("OData-EntityId").Single().ShouldEndWith($"accounts({id})");
        var row = emulator.Server.Org.Store.Find("account", id)!;
        row["name"].ShouldBe("After");
        row.ETag.ShouldNotBe(before);
    }

    [Fact]
    public async Task Patch_MissingRowWithoutPreconditions_CreatesIt()
    {
        var client = await emulator.ClientAsync();
        var id = Guid.NewGuid();

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "Upserted" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        emulator.Server.Org.Store.Find("account", id)!["name"].ShouldBe("Upserted");
    }

    [Fact]
    public async Task Patch_ByAlternateKeyMissing_CreatesRowWithKeyValue()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("UP");

        var created = await client.SendAsync(Json(HttpMethod.Patch, $"accounts(accountnumber='{number}')", new { name = "By key" }));
        var updated = await client.SendAsync(Json(HttpMethod.Patch, $"accounts(accountnumber='{number}')", new { name = "By key again" }));

        created.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        updated.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var id = IdFromEntityUrl(created.Headers.GetValues("OData-EntityId").Single());
        IdFromEntityUrl(updated.Headers.GetValues("OData-EntityId").Single()).ShouldBe(id);
        var row = emulator.Server.Org.Store.Find("account", id)!;
        row["accountnumber"].ShouldBe(number);
        row["name"].ShouldBe("By key again");
    }

    [Fact]
    public async Task Patch_IfMatchStarOnMissingRow_Returns404AndCreatesNothing()
    {
        var client = await emulator.ClientAsync();
        var id = Guid.NewGuid();

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "No" }, ("If-Match", "*")));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Message.ShouldBe($"account With Id = {id} Does Not Exist");
        emulator.Server.Org.Store.Find("account", id).ShouldBeNull();
    }

    [Fact]
    public async Task Patch_IfNoneMatchStarOnExistingRow_Returns412AndChangesNothing()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Original" });

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "Overwritten" }, ("If-None-Match", "*")));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await response.ErrorAsync()).Message.ShouldBe("A record with matching key values already exists.");
        emulator.Server.Org.Store.Find("account", id)!["name"].ShouldBe("Original");
    }

    [Fact]
    public async Task Patch_StaleIfMatch_Returns412VersionMismatch()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "V1" });
        var stale = emulator.Server.Org.Store.Find("account", id)!.ETag;
        await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "V2" }));

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "V3" }, ("If-Match", stale)));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await response.ErrorAsync()).ShouldBe(("0x80060882", "The version of the existing record doesn't match the RowVersion property provided."));
        emulator.Server.Org.Store.Find("account", id)!["name"].ShouldBe("V2");
    }

    [Fact]
    public async Task Patch_ReturnRepresentation_Returns200WithRow()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Rep" });

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "Rep 2" }, ("Prefer", "return=representation")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("name").GetString().ShouldBe("Rep 2");
    }

    [Fact]
    public async Task Patch_StatusOfAnotherState_Returns400()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Stateful" });

        var response = await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { statecode = 0, statuscode = 2 }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_StateOnly_DefaultsTheStatusOfThatState()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Deactivate me" });

        await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { statecode = 1 }));

        emulator.Server.Org.Store.Find("account", id)!["statuscode"].ShouldBe(2);
    }

    [Fact]
    public async Task Delete_ExistingRow_Returns204ThenRetrieveIs404()
    {
        var client = await emulator.ClientAsync(emulator.Admin);
        var id = await client.CreateAsync("accounts", new { name = "Doomed" });

        var deleted = await client.DeleteAsync($"accounts({id})");
        var again = await client.DeleteAsync($"accounts({id})");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"accounts({id})")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_StaleIfMatch_Returns412AndKeepsRow()
    {
        var client = await emulator.ClientAsync(emulator.Admin);
        var id = await client.CreateAsync("accounts", new { name = "Guarded" });
        var stale = emulator.Server.Org.Store.Find("account", id)!.ETag;
        await client.SendAsync(Json(HttpMethod.Patch, $"accounts({id})", new { name = "Guarded 2" }));

        var response = await client.SendAsync(Json(HttpMethod.Delete, $"accounts({id})", null, ("If-Match", stale)));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        emulator.Server.Org.Store.Find("account", id).ShouldNotBeNull();
    }

    [Fact]
    public async Task Delete_Account_ClearsContactLinkAndRemovesItsNotes()
    {
        var client = await emulator.ClientAsync(emulator.Admin);
        var account = await client.CreateAsync("accounts", new { name = "Parent" });
        var contact = await client.CreateAsync("contacts", new Dictionary<string, object> { ["lastname"] = "Kid", ["parentcustomerid_account@odata.bind"] = $"accounts({account})" });
        var note = await client.CreateAsync("annotations", new Dictionary<string, object> { ["subject"] = "n", ["objectid_account@odata.bind"] = $"accounts({account})" });

        await client.DeleteAsync($"accounts({account})");

        emulator.Server.Org.Store.Find("contact", contact)!["parentcustomerid"].ShouldBeNull();
        emulator.Server.Org.Store.Find("annotation", note).ShouldBeNull();
    }

    [Fact]
    public async Task PutProperty_SetsOneColumn_DeleteProperty_ClearsIt()
    {
        var client = await emulator.ClientAsync();
        var id = await client.CreateAsync("accounts", new { name = "Props" });

        var put = await client.SendAsync(Json(HttpMethod.Put, $"accounts({id})/telephone1", new { value = "555-0100" }));
        var phone = emulator.Server.Org.Store.Find("account", id)!["telephone1"];
        var delete = await client.DeleteAsync($"accounts({id})/telephone1");

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        phone.ShouldBe("555-0100");
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        emulator.Server.Org.Store.Find("account", id)!["telephone1"].ShouldBeNull();
    }
}
