using System.Xml.Linq;
using Microsoft.OData.Edm;
using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Tests.Query;

public sealed class MetadataDocumentTests
{
    [Fact]
    public void Create_StandardSchema_MapsTablesColumnsAndNavigation()
    {
        var schema = StandardSchema.Create();
        var model = EdmModelFactory.Create(schema);
        var account = (IEdmEntityType)model.FindDeclaredType("Microsoft.Dynamics.CRM.account");
        account.Key().Single().Name.ShouldBe("accountid");
        account.FindProperty("_primarycontactid_value").Type.PrimitiveKind().ShouldBe(EdmPrimitiveTypeKind.Guid);
        account.FindProperty("revenue").Type.PrimitiveKind().ShouldBe(EdmPrimitiveTypeKind.Decimal);
        account.FindProperty("industrycode").Type.PrimitiveKind().ShouldBe(EdmPrimitiveTypeKind.Int32);
        account.FindProperty("versionnumber").Type.PrimitiveKind().ShouldBe(EdmPrimitiveTypeKind.Int64);
        ((IEdmNavigationProperty)account.FindProperty("contact_customer_accounts")).Type.IsCollection().ShouldBeTrue();
        ((IEdmNavigationProperty)account.FindProperty("primarycontactid")).Type.IsCollection().ShouldBeFalse();
        model.EntityContainer.FindEntitySet("accounts").ShouldNotBeNull();
        EdmModelFactory.Create(schema).ShouldBeSameAs(model);
        EdmModelFactory.Create(StandardSchema.Create()).ShouldNotBeSameAs(model);
    }

    [Fact]
    public async Task WriteAsync_Metadata_ReturnsCsdlXml()
    {
        await using var host = await QueryHost.StartAsync(new QueryTestOrg());
        using var client = host.Client();
        var response = await client.GetAsync("$metadata");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var schema = xml.Descendants(edm + "Schema").Single();
        schema.Attribute("Namespace")!.Value.ShouldBe("Microsoft.Dynamics.CRM");
        schema.Elements(edm + "EntityType").ShouldContain(e => e.Attribute("Name")!.Value == "contact");
        xml.Descendants(edm + "EntitySet").ShouldContain(e => e.Attribute("Name")!.Value == "activitypointers");
    }
}
