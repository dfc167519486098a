using SalesBridge.Emulator.Security;
using System.Text.Json;
using SalesBridge.Emulator.Metadata;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// Metadata writes: <c>POST EntityDefinitions</c> (a new table), <c>POST EntityDefinitions(...)/Attributes</c>
/// (a new column) and <c>POST EntityDefinitions(...)/Keys</c> (a new alternate key). Each answers 204 with
/// <c>OData-EntityId</c> naming the new definition by MetadataId, adds the component to the solution of the
/// <c>MSCRM.SolutionUniqueName</c> header, and runs as one write of the org (serialized with row writes).
/// </summary>
public static class EntityDefinitionWrites
{
    public static async Task PostAsync(DataverseRequest request, IReadOnlyList<PathSegment> segments)
    {
        request.Org.Security.DemandPrivilege(request.Caller, segments.Count == 1 ? PrivilegeCatalog.CreateEntity
            : segments[^1].Name == "Keys" ? PrivilegeCatalog.CreateEntityKey : PrivilegeCatalog.CreateAttribute);
        using var document = await PayloadReader.ParseBodyAsync(request.Http.Request.Body, request.Aborted);
        var body = document.RootElement;
        var org = request.Org;
        var solution = SolutionTarget.Resolve(org, request.Http.Request.Headers[SolutionTarget.Header].ToString());
        var root = request.ServiceRoot + "EntityDefinitions";
        if (segments.Count == 1 && segments[0].Parameters is null)
        {
            var table = org.Store.Write(scope =>
            {
                var built = CustomTable.Build(org, body, solution);
                solution.Record(org, scope, request.Caller, built.Table.MetadataId, SolutionTarget.EntityComponent);
                return CustomTable.Register(org, built);
            });
            Created(request, $"{root}({table.MetadataId})");
            return;
        }
        if (segments.Count != 2 || segments[0].Parameters is null || segments[1].Parameters is not null)
        {
            throw RequestRouter.NoResource(request);
        }
        var target = MetadataEndpoint.FindTable(org.Schema, segments[0].Parameters!);
        var url = segments[1].Name switch
        {
            "Attributes" => org.Store.Write(scope =>
            {
                var attribute = AttributeMetadataReader.Read(body, target.LogicalName, solution.OptionValuePrefix);
                solution.EnsurePrefixed(attribute.LogicalName, "Attribute");
                if (target.FindAttribute(attribute.LogicalName) is not null) throw CustomizationErrors.DuplicateColumn(target.LogicalName, attribute.LogicalName);
                if (attribute.IsPrimaryName) throw CustomizationErrors.Invalid("A table's primary name column is created with the table.");
                solution.Record(org, scope, request.Caller, attribute.MetadataId(target.LogicalName), SolutionTarget.AttributeComponent);
                org.Schema.AddAttribute(target, attribute);
                return $"{root}({target.MetadataId})/Attributes({attribute.MetadataId(target.LogicalName)})";
            }),
            "Keys" => org.Store.Write(scope =>
            {
                var key = EntityKeyCreation.Read(org, target, body, solution);
                solution.Record(org, scope, request.Caller, key.MetadataId(target.LogicalName), SolutionTarget.EntityKeyComponent);
                EntityKeyCreation.Add(org, target, key);
                return $"{root}({target.MetadataId})/Keys({key.MetadataId(target.LogicalName)})";
            }),
            _ => throw RequestRouter.NoResource(request),
        };
        Created(request, url);
    }

    private static void Created(DataverseRequest request, string url)
    {
        request.Http.Response.Headers["OData-EntityId"] = url;
        request.NoContent();
    }
}
