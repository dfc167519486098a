using System.Text.Json;
using SalesBridge.Emulator.Metadata;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Tests.FetchXml;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Tests.Metadata;

public sealed class MetadataEndpointTests
{
    private readonly SeededOrg _org = new();

    private Task<SeededOrg.Response> Get(string path, string query = "") =>
        _org.SendAsync(r => MetadataEndpoint.WriteAsync(r, ResourcePath.Parse(path)), query);

    private static string[] LogicalNames(SeededOrg.Response response) =>
        response.Value.Select(v => v.GetProperty("LogicalName").GetString()!).ToArray();

    [Fact]
    public async Task WriteAsync_EntityDefinitionsWithFilterAndSelect_ReturnsOnlySelectedPropertiesUnpaged()
    {
        var tracked = await Get("EntityDefinitions", "?$select=LogicalName&$filter=ChangeTrackingEnabled eq true");
        var activities = await Get("EntityDefinitions", "?$select=LogicalName,IsActivity&$filter=IsActivity eq true and (LogicalName eq 'task' or LogicalName eq 'activitypointer')");

        tracked.Body.GetProperty("@odata.context").GetString().ShouldBe(SeededOrg.ServiceRoot + "$metadata#EntityDefinitions(LogicalName)");
        LogicalNames(tracked).ShouldBe(["account", "contact", "lead", "opportunity", "systemuser", "connection", "task"], ignoreOrder: true);
        tracked.Value[0].EnumerateObject().Select(p => p.Name).ShouldBe(["MetadataId", "LogicalName"]);
        tracked.Body.TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
        LogicalNames(activities).ShouldBe(["activitypointer", "task"], ignoreOrder: true);
    }

    [Fact]
    public async Task WriteAsync_EntityByLogicalNameOrMetadataId_ReturnsDocumentedShape()
    {
        var byName = await Get("EntityDefinitions(LogicalName='opportunity')");
        var id = byName.Body.GetProperty("MetadataId").GetGuid();
        var byId = await Get($"EntityDefinitions({id})", "?$select=LogicalName,EntitySetName");

        var body = byName.Body;
        body.GetProperty("@odata.context").GetString().ShouldBe(SeededOrg.ServiceRoot + "$metadata#EntityDefinitions/$entity");
        body.GetProperty("SchemaName").GetString().ShouldBe("Opportunity");
        body.GetProperty("EntitySetName").GetString().ShouldBe("opportunities");
        body.GetProperty("PrimaryIdAttribute").GetString().ShouldBe("opportunityid");
        body.GetProperty("PrimaryNameAttribute").GetString().ShouldBe("name");
        body.GetProperty("ObjectTypeCode").GetInt32().ShouldBe(3);
        body.GetProperty("OwnershipType").GetString().ShouldBe("UserOwned");
        body.GetProperty("IsActivity").GetBoolean().ShouldBeFalse();
        body.GetProperty("ChangeTrackingEnabled").GetBoolean().ShouldBeTrue();
        var label = body.GetProperty("DisplayName");
        label.GetProperty("LocalizedLabels")[0].GetProperty("LanguageCode").GetInt32().ShouldBe(1033);
        label.GetProperty("UserLocalizedLabel").GetProperty("Label").GetString().ShouldBe("Opportunity");
        body.TryGetProperty("Attributes", out _).ShouldBeFalse();
        byId.Body.GetProperty("LogicalName").GetString().ShouldBe("opportunity");
        byId.Body.GetProperty("@odata.context").GetString().ShouldEndWith("#EntityDefinitions(LogicalName,EntitySetName)/$entity");
    }

    [Fact]
    public async Task WriteAsync_ExpandAttributesWithSelectAndFilter_ReturnsTypedAttributes()
    {
        var response = await Get("EntityDefinitions(LogicalName='opportunity')",
            "?$select=LogicalName&$expand=Attributes($select=LogicalName,AttributeType;$filter=IsCustomAttribute eq true)");

        var attributes = response.Body.GetProperty("Attributes").EnumerateArray().ToArray();
        attributes.Select(a => a.GetProperty("LogicalName").GetString()).ShouldBe([StandardSchema.CustomPipelinePhase, StandardSchema.CustomContractValue]);
        attributes[0].GetProperty("@odata.type").GetString().ShouldBe("#Microsoft.Dynamics.CRM.PicklistAttributeMetadata");
        attributes[1].GetProperty("AttributeType").GetString().ShouldBe("Money");
    }

    [Fact]
    public async Task WriteAsync_AttributesFilteredByEnumType_ReturnsMoneyColumnsWithBaseProperties()
    {
        var response = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes",
            "?$filter=AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Money'");

        LogicalNames(response).ShouldBe(["estimatedvalue", "actualvalue", StandardSchema.CustomContractValue]);
        var money = response.Value[0];
        money.GetProperty("@odata.type").GetString().ShouldBe("#Microsoft.Dynamics.CRM.MoneyAttributeMetadata");
        money.GetProperty("AttributeTypeName").GetProperty("Value").GetString().ShouldBe("MoneyType");
        money.GetProperty("EntityLogicalName").GetString().ShouldBe("opportunity");
        money.GetProperty("RequiredLevel").GetProperty("Value").GetString().ShouldBe("None");
        money.GetProperty("IsValidForCreate").GetBoolean().ShouldBeTrue();
        money.GetProperty("Precision").GetInt32().ShouldBe(2);
        response.Body.GetProperty("@odata.context").GetString().ShouldEndWith("#EntityDefinitions('opportunity')/Attributes");
    }

    [Fact]
    public async Task WriteAsync_SingleAttribute_ReturnsTypeSpecificProperties()
    {
        var name = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='name')");
        var customer = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='customerid')/Microsoft.Dynamics.CRM.LookupAttributeMetadata",
            "?$select=LogicalName,Targets");

        name.Body.GetProperty("@odata.type").GetString().ShouldBe("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
        name.Body.GetProperty("MaxLength").GetInt32().ShouldBe(300);
        name.Body.GetProperty("IsPrimaryName").GetBoolean().ShouldBeTrue();
        customer.Body.GetProperty("Targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["account", "contact"]);
    }

    [Fact]
    public async Task WriteAsync_PicklistCastWithExpandedOptionSet_ReturnsOptionsWithLabels()
    {
        var response = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata",
            "?$select=LogicalName&$expand=OptionSet($select=Options)");

        var salesStage = response.Value.Single(a => a.GetProperty("LogicalName").GetString() == "salesstage");
        response.Value.Count(a => a.TryGetProperty("@odata.type", out _)).ShouldBe(0);
        var options = salesStage.GetProperty("OptionSet").GetProperty("Options").EnumerateArray().ToArray();
        options.Select(o => o.GetProperty("Value").GetInt32()).ShouldBe([0, 1, 2, 3]);
        options[2].GetProperty("Label").GetProperty("UserLocalizedLabel").GetProperty("Label").GetString().ShouldBe("Propose");
        LogicalNames(response).ShouldContain(StandardSchema.CustomPipelinePhase);
        LogicalNames(response).ShouldNotContain("statecode");
        response.Body.GetProperty("@odata.context").GetString()
            .ShouldEndWith("#EntityDefinitions('opportunity')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata(LogicalName,OptionSet(Options))");
    }

    [Fact]
    public async Task WriteAsync_StatusAttributeWithOptionSetAndGlobalOptionSet_ReturnsStateOfEachOption()
    {
        var status = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata",
            "?$expand=OptionSet,GlobalOptionSet");
        var state = await Get("EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='statecode')/Microsoft.Dynamics.CRM.StateAttributeMetadata/OptionSet");

        var won = status.Body.GetProperty("OptionSet").GetProperty("Options").EnumerateArray().Single(o => o.GetProperty("Value").GetInt32() == 3);
        won.GetProperty("State").GetInt32().ShouldBe(1);
        status.Body.GetProperty("GlobalOptionSet").GetProperty("Options").GetArrayLength().ShouldBe(5);
        var lost = state.Body.GetProperty("Options").EnumerateArray().Single(o => o.GetProperty("Value").GetInt32() == 2);
        lost.GetProperty("DefaultStatus").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task WriteAsync_KeysAndRelationships_ReturnDefinitions()
    {
        var keys = await Get("EntityDefinitions(LogicalName='account')/Keys");
        var selectedKeys = await Get("EntityDefinitions(LogicalName='account')", "?$select=LogicalName,Keys");
        var manyToOne = await Get("EntityDefinitions(LogicalName='opportunity')/ManyToOneRelationships", "?$select=SchemaName,ReferencedEntity");
        var oneToMany = await Get("EntityDefinitions(LogicalName='account')/OneToManyRelationships", "?$filter=ReferencingEntity eq 'opportunity'");

        keys.Value.ShouldHaveSingleItem().GetProperty("KeyAttributes")[0].GetString().ShouldBe("accountnumber");
        selectedKeys.Body.GetProperty("Keys").GetArrayLength().ShouldBe(1);
        manyToOne.Value.Select(r => r.GetProperty("SchemaName").GetString()).ShouldContain("opportunity_customer_accounts");
        oneToMany.Value.Select(r => r.GetProperty("ReferencingAttribute").GetString()).ShouldBe(["parentaccountid", "customerid"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("EntityDefinitions(LogicalName='foo')", "", 404, "0x80040217", "Could not find an entity with name foo")]
    [InlineData("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='nope')", "", 404, "0x80040217", "nope")]
    [InlineData("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata", "", 404, "0x80040217", "StringAttributeMetadata")]
    [InlineData("EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.WidgetAttributeMetadata", "", 404, "0x8006088a", "Resource not found for the segment")]
    [InlineData("EntityDefinitions(LogicalName='account')/Attributes", "?$select=MaxLength", 400, "0x0", "Could not find a property named 'MaxLength' on type 'Microsoft.Dynamics.CRM.AttributeMetadata'")]
    [InlineData("EntityDefinitions", "?$filter=Colour eq 'red'", 400, "0x0", "'Colour' on type 'Microsoft.Dynamics.CRM.EntityMetadata'")]
    [InlineData("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')", "?$expand=OptionSet", 400, "0x0", "'OptionSet'")]
    [InlineData("EntityDefinitions(LogicalName='account')/Widgets", "", 404, "0x8006088a", "Widgets")]
    public async Task WriteAsync_BadRequest_FailsWithDataverseError(string path, string query, int status, string code, string message)
    {
        var fault = await Should.ThrowAsync<DataverseFault>(() => Get(path, query));

        fault.Status.ShouldBe(status);
        fault.Code.ShouldBe(code);
        fault.Message.ShouldContain(message);
    }
}
