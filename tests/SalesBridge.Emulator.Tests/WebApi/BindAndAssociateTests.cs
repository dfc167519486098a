using System.Net;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.WebApi;

[Collection("Emulator")]
public sealed class BindAndAssociateTests(EmulatorFixture emulator)
{
    public static TheoryData<string> BindForms => new() { "accounts({0})", "/accounts({0})", "{1}accounts({0})" };

    [Theory]
    [MemberData(nameof(BindForms))]
    public async Task Bind_EveryUrlForm_SetsLookup(string form)
    {
        var client = await emulator.ClientAsync();
        var account = await client.CreateAsync("accounts", new { name = "Bound" });

        var contact = await client.CreateAsync("contacts", new Dictionary<string, object>
        {
            ["lastname"] = "Bind", ["parentcustomerid_account@odata.bind"] = string.Format(form, account, emulator.WebApi),
        });

        var reference = emulator.Server.Org.Store.Find("contact", contact)!.Reference("parentcustomerid")!;
        reference.Table.ShouldBe("account");
        reference.Id.ShouldBe(account);
    }

    [Fact]
    public async Task Bind_ByAlternateKey_SetsLookup()
    {
        var client = await emulator.ClientAsync();
        var number = Unique("BK");
        var account = await client.CreateAsync("accounts", new { name = "Keyed parent", accountnumber = number });

        var opportunity = await client.CreateAsync("opportunities", new Dictionary<string, object>
        {
            ["name"] = "Deal", ["parentaccountid@odata.bind"] = $"/accounts(accountnumber='{number}')",
        });

        emulator.Server.Org.Store.Find("opportunity", opportunity)!.Reference("parentaccountid")!.Id.ShouldBe(account);
    }

    [Fact]
    public async Task Bind_PolymorphicToContact_UsesTypeQualifiedNavigation()
    {
        var client = await emulator.ClientAsync();
        var person = await client.CreateAsync("contacts", new { lastname = "Buyer" });

        var opportunity = await client.CreateAsync("opportunities", new Dictionary<string, object>
        {
            ["name"] = "B2C", ["customerid_contact@odata.bind"] = $"/contacts({person})",
        });

        var customer = emulator.Server.Org.Store.Find("opportunity", opportunity)!.Reference("customerid")!;
        customer.ShouldBe(new Store.EntityReference("contact", person));
    }

    [Fact]
    public async Task Bind_OwnerToSystemUser_SetsOwnerAndBusinessUnit()
    {
        var client = await emulator.ClientAsync();
        var seller = emulator.Salesperson;

        var task = await client.CreateAsync("tasks", new Dictionary<string, object>
        {
            ["subject"] = "Call back", ["ownerid@odata.bind"] = $"/systemusers({seller.Id})",
        });

        var row = emulator.Server.Org.Store.Find("task", task)!;
        row.Reference("ownerid")!.Id.ShouldBe(seller.Id);
        row.Reference("owningbusinessunit")!.Id.ShouldBe(emulator.World.BusinessUnitId);
        row.Reference("createdby")!.Id.ShouldBe(emulator.Integration.Id);
        row["activitytypecode"].ShouldBe("task");
    }

    [Fact]
    public async Task Bind_WrongTargetType_Returns400()
    {
        var client = await emulator.ClientAsync();
        var contact = await client.CreateAsync("contacts", new { lastname = "Not an account" });

        var response = await client.SendAsync(Json(HttpMethod.Post, "contacts", new Dictionary<string, object>
        {
            ["lastname"] = "X", ["parentcustomerid_account@odata.bind"] = $"/contacts({contact})",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("parentcustomerid_account");
    }

    [Fact]
    public async Task Bind_MissingTarget_Returns404()
    {
        var client = await emulator.ClientAsync();
        var missing = Guid.NewGuid();

        var response = await client.SendAsync(Json(HttpMethod.Post, "contacts", new Dictionary<string, object>
        {
            ["lastname"] = "X", ["parentcustomerid_account@odata.bind"] = $"/accounts({missing})",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).Message.ShouldBe($"account With Id = {missing} Does Not Exist");
    }

    [Fact]
    public async Task Associate_CollectionRef_SetsChildLookup_AndDisassociateClearsIt()
    {
        var client = await emulator.ClientAsync();
        var account = await client.CreateAsync("accounts", new { name = "Ref parent" });
        var contact = await client.CreateAsync("contacts", new { lastname = "Ref child" });

        var associate = await client.SendAsync(Json(HttpMethod.Post, $"accounts({account})/contact_customer_accounts/$ref",
            new Dictionary<string, string> { ["@odata.id"] = $"{emulator.WebApi}contacts({contact})" }));
        var linked = emulator.Server.Org.Store.Find("contact", contact)!.Reference("parentcustomerid")?.Id;
        var disassociate = await client.DeleteAsync($"accounts({account})/contact_customer_accounts/$ref?$id={emulator.WebApi}contacts({contact})");

        associate.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        linked.ShouldBe(account);
        disassociate.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        emulator.Server.Org.Store.Find("contact", contact)!["parentcustomerid"].ShouldBeNull();
    }

    [Fact]
    public async Task Associate_ManyToMany_LinksUserAndRole()
    {
        var admin = await emulator.ClientAsync(emulator.Admin);
        var org = emulator.Server.Org;
        var role = org.Store.Table("role").InKeyOrder().First(r => (string?)r["name"] == "Salesperson (no opportunity access)").Id;
        var user = emulator.World.Users.First(u => u.Role == SalesBridge.Emulator.DemoWorld.DemoUserRole.Disabled).Id;

        var response = await admin.SendAsync(Json(HttpMethod.Post, $"systemusers({user})/systemuserroles_association/$ref",
            new Dictionary<string, string> { ["@odata.id"] = $"roles({role})" }));
        var linked = org.Security.RolesOf(user).Contains(role);
        var removed = await admin.DeleteAsync($"systemusers({user})/systemuserroles_association({role})/$ref");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        linked.ShouldBeTrue();
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        org.Security.RolesOf(user).Contains(role).ShouldBeFalse();
    }

    [Fact]
    public async Task PutSingleValuedRef_SetsLookup()
    {
        var client = await emulator.ClientAsync();
        var account = await client.CreateAsync("accounts", new { name = "Needs primary" });
        var contact = await client.CreateAsync("contacts", new { lastname = "Primary" });

        var response = await client.SendAsync(Json(HttpMethod.Put, $"accounts({account})/primarycontactid/$ref",
            new Dictionary<string, string> { ["@odata.id"] = $"contacts({contact})" }));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        emulator.Server.Org.Store.Find("account", account)!.Reference("primarycontactid")!.Id.ShouldBe(contact);
    }

    [Fact]
    public async Task CreateConnection_CreatesReciprocalRow()
    {
        var client = await emulator.ClientAsync();
        var opportunity = emulator.World.Opportunities[0].Id;
        var contact = await client.CreateAsync("contacts", new { lastname = "Stakeholder" });
        var role = emulator.Server.Org.Store.Table("connectionrole").InKeyOrder().First(r => (string?)r["name"] == "Stakeholder").Id;

        var id = await client.CreateAsync("connections", new Dictionary<string, object>
        {
            ["record1id_opportunity@odata.bind"] = $"/opportunities({opportunity})",
            ["record2id_contact@odata.bind"] = $"/contacts({contact})",
            ["record2roleid@odata.bind"] = $"/connectionroles({role})",
        });

        var master = emulator.Server.Org.Store.Find("connection", id)!;
        master["ismaster"].ShouldBe(true);
        var twin = emulator.Server.Org.Store.Find("connection", master.Reference("relatedconnectionid")!.Id)!;
        twin.Reference("record1id")!.Id.ShouldBe(contact);
        twin.Reference("record2id")!.Id.ShouldBe(opportunity);
        twin.Reference("record1roleid")!.Id.ShouldBe(role);
    }
}
