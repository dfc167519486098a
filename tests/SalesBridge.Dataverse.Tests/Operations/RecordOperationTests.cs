using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class RecordOperationTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task CreateAsync_Row_ReturnsIdThatRetrieveFinds()
    {
        var client = await dataverse.ClientAsync();

        var id = await client.CreateAsync("accounts", new JsonObject { ["name"] = "Client Co" });
        var row = await client.RetrieveAsync("accounts", EntityKey.Id(id), new RetrieveOptions { Select = ["name"] });

        id.ShouldNotBe(Guid.Empty);
        row["name"]!.GetValue<string>().ShouldBe("Client Co");
        row["accountid"]!.GetValue<string>().ShouldBe(id.ToString());
        row.ContainsKey("telephone1").ShouldBeFalse();
    }

    [Fact]
    public async Task RetrieveAsync_ByAlternateKeyWithQuote_FindsRow()
    {
        var client = await dataverse.ClientAsync();
        var number = "O'K-" + Guid.NewGuid().ToString("N")[..8];
        var id = await client.CreateAsync("accounts", new JsonObject { ["name"] = "Keyed", ["accountnumber"] = number });

        var row = await client.RetrieveAsync("accounts", EntityKey.Alternate(("accountnumber", number)));

        row["accountid"]!.GetValue<string>().ShouldBe(id.ToString());
    }

    [Fact]
    public async Task RetrieveAsync_MissingRow_ThrowsNotFound()
    {
        var client = await dataverse.ClientAsync();
        var id = Guid.NewGuid();

        var error = await Should.ThrowAsync<DataverseNotFoundException>(() => client.RetrieveAsync("contacts", EntityKey.Id(id)));

        error.ErrorCode.ShouldBe("0x80040217");
        error.Message.ShouldBe($"contact With Id = {id} Does Not Exist");
        error.RawBody!.ShouldContain("0x80040217");
    }

    [Fact]
    public async Task UpdateAsync_StaleEtag_ThrowsPreconditionFailed()
    {
        var client = await dataverse.ClientAsync();
        var id = await client.CreateAsync("accounts", new JsonObject { ["name"] = "v1" });
        var etag = (await client.RetrieveAsync("accounts", EntityKey.Id(id)))["@odata.etag"]!.GetValue<string>();
        await client.UpdateAsync("accounts", EntityKey.Id(id), new JsonObject { ["name"] = "v2" }, ifMatch: etag);

        await Should.ThrowAsync<DataversePreconditionFailedException>(() =>
            client.UpdateAsync("accounts", EntityKey.Id(id), new JsonObject { ["name"] = "v3" }, ifMatch: etag));
        (await client.RetrieveAsync("accounts", EntityKey.Id(id)))["name"]!.GetValue<string>().ShouldBe("v2");
    }

    [Fact]
    public async Task UpdateAsync_MissingRow_ThrowsNotFoundInsteadOfCreating()
    {
        var client = await dataverse.ClientAsync();
        var id = Guid.NewGuid();

        await Should.ThrowAsync<DataverseNotFoundException>(() => client.UpdateAsync("accounts", EntityKey.Id(id), new JsonObject { ["name"] = "x" }));
        dataverse.Server.Org.Store.Find("account", id).ShouldBeNull();
    }

    [Fact]
    public async Task UpsertAsync_ByAlternateKey_CreatesThenUpdatesSameRow()
    {
        var client = await dataverse.ClientAsync();
        var key = EntityKey.Alternate(("accountnumber", "UP-" + Guid.NewGuid().ToString("N")[..10]));

        var created = await client.UpsertAsync("accounts", key, new JsonObject { ["name"] = "first" });
        var updated = await client.UpsertAsync("accounts", key, new JsonObject { ["name"] = "second" });

        updated.ShouldBe(created);
        (await client.RetrieveAsync("accounts", key))["name"]!.GetValue<string>().ShouldBe("second");
    }

    [Fact]
    public async Task UpsertAsync_CreateOnlyOnExistingRow_ThrowsPreconditionFailed()
    {
        var client = await dataverse.ClientAsync();
        var id = await client.CreateAsync("accounts", new JsonObject { ["name"] = "exists" });

        await Should.ThrowAsync<DataversePreconditionFailedException>(() =>
            client.UpsertAsync("accounts", EntityKey.Id(id), new JsonObject { ["name"] = "again" }, UpsertBehavior.CreateOnly));
    }

    [Fact]
    public async Task UpsertAsync_UpdateOnlyOnMissingRow_ThrowsNotFound()
    {
        var client = await dataverse.ClientAsync();

        await Should.ThrowAsync<DataverseNotFoundException>(() =>
            client.UpsertAsync("accounts", EntityKey.Id(Guid.NewGuid()), new JsonObject { ["name"] = "nope" }, UpsertBehavior.UpdateOnly));
    }

    [Fact]
    public async Task DeleteAsync_Row_IsGone()
    {
        var client = await dataverse.ClientAsync();
        var id = await client.CreateAsync("tasks", new JsonObject { ["subject"] = "delete me" });

        await client.DeleteAsync("tasks", EntityKey.Id(id));

        await Should.ThrowAsync<DataverseNotFoundException>(() => client.RetrieveAsync("tasks", EntityKey.Id(id)));
    }

    [Fact]
    public async Task AssociateAndDisassociate_CollectionNavigation_SetAndClearLookup()
    {
        var client = await dataverse.ClientAsync();
        var account = await client.CreateAsync("accounts", new JsonObject { ["name"] = "Parent" });
        var contact = await client.CreateAsync("contacts", new JsonObject { ["lastname"] = "Child" });

        await client.AssociateAsync("accounts", EntityKey.Id(account), "contact_customer_accounts", "contacts", EntityKey.Id(contact));
        var linked = (await client.RetrieveAsync("contacts", EntityKey.Id(contact)))["_parentcustomerid_value"]?.GetValue<string>();
        await client.DisassociateAsync("accounts", EntityKey.Id(account), "contact_customer_accounts", "contacts", EntityKey.Id(contact));

        linked.ShouldBe(account.ToString());
        (await client.RetrieveAsync("contacts", EntityKey.Id(contact)))["_parentcustomerid_value"].ShouldBeNull();
    }

    [Fact]
    public async Task CreateAsync_BindToRow_UsesRowUrl()
    {
        var client = await dataverse.ClientAsync();
        var account = await client.CreateAsync("accounts", new JsonObject { ["name"] = "Bound parent" });

        var contact = await client.CreateAsync("contacts", new JsonObject
        {
            ["lastname"] = "Bound", ["parentcustomerid_account@odata.bind"] = client.RowUrl("accounts", EntityKey.Id(account)).ToString(),
        });

        (await client.RetrieveAsync("contacts", EntityKey.Id(contact)))["_parentcustomerid_value"]!.GetValue<string>().ShouldBe(account.ToString());
    }

    [Fact]
    public async Task Impersonation_CallerSystemUserId_MakesThatUserTheCreator()
    {
        var client = await dataverse.ClientAsync();

        var id = await client.CreateAsync("tasks", new JsonObject { ["subject"] = "for the seller" },
            new RequestOptions { CallerSystemUserId = dataverse.Salesperson.Id });

        var row = await client.RetrieveAsync("tasks", EntityKey.Id(id), new RetrieveOptions { Select = ["_createdby_value", "_createdonbehalfby_value"] });
        row["_createdby_value"]!.GetValue<string>().ShouldBe(dataverse.Salesperson.Id.ToString());
        row["_createdonbehalfby_value"]!.GetValue<string>().ShouldNotBeNull();
    }

    [Fact]
    public async Task PrivilegeDenied_CarriesThePrivilegeName()
    {
        var client = await dataverse.ClientAsync();

        var error = await Should.ThrowAsync<DataversePrivilegeDeniedException>(() => client.RetrieveAsync("opportunities",
            EntityKey.Id(dataverse.World.Opportunities[0].Id), new RetrieveOptions { CallerObjectId = dataverse.Restricted.AzureActiveDirectoryObjectId }));

        error.PrivilegeName.ShouldBe("prvReadopportunity");
        error.ErrorCode.ShouldBe("0x80040220");
    }
}
