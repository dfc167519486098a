using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// Answers <c>GET EntityDefinitions...</c> (Query table definitions using the Web API; Retrieve table
/// definitions by name or MetadataId): tables, their attributes (with casts to derived types and their option
/// sets), keys and relationships, with <c>$select</c>, <c>$filter</c> and <c>$expand</c>. Metadata is never
/// paged, and any authenticated user may read it.
/// </summary>
public static class MetadataEndpoint
{
    private const string EntitySet = "EntityDefinitions";

    public static Task WriteAsync(DataverseRequest request, IReadOnlyList<PathSegment> segments)
    {
        if (segments.Count == 0 || segments[0].Name != EntitySet) throw DataverseErrors.UnknownSegment(segments.FirstOrDefault()?.ToString() ?? "");
        var schema = request.Org.Schema;
        var options = MetadataQueryOptions.Parse(request.Query["$select"], request.Query["$filter"], request.Query["$expand"]);
        var context = request.MetadataUrl + "#" + EntitySet;
        if (segments[0].Parameters is null)
        {
            if (segments.Count > 1) throw DataverseErrors.UnknownSegment(segments[1].ToString());
            var entities = MetadataShape.Collection(schema.Tables.Select(EntityMetadataJson.Entity), options, MetadataTypes.Entity, Expand(schema));
            return WriteAsync(request, context + options.ContextSelection(), entities);
        }
        var table = FindTable(schema, segments[0].Parameters!);
        if (segments.Count == 1)
        {
            var entity = MetadataShape.Single(EntityMetadataJson.Entity(table), options, MetadataTypes.Entity, Expand(schema));
            return WriteAsync(request, context + options.ContextSelection() + "/$entity", entity);
        }
        var entityPath = $"{context}('{table.LogicalName}')/";
        var navigation = segments[1];
        if (navigation.Name == "Attributes") return WriteAttributesAsync(request, table, segments, options, entityPath);
        if (navigation.Parameters is not null || segments.Count > 2 || !EntityMetadataJson.Navigations.Contains(navigation.Name))
        {
            throw DataverseErrors.UnknownSegment((segments.Count > 2 && navigation.Parameters is null ? segments[2] : navigation).ToString());
        }
        var related = (JsonArray)Related(schema, table, navigation.Name, options)!;
        return WriteAsync(request, entityPath + navigation.Name + options.ContextSelection(), related);
    }

    private static Task WriteAttributesAsync(DataverseRequest request, TableDefinition table, IReadOnlyList<PathSegment> segments,
        MetadataQueryOptions options, string entityPath)
    {
        var keyed = segments[1].Parameters;
        var cast = segments.Count > 2 ? CastOf(segments[2]) : null;
        var type = MetadataTypes.Attribute(cast);
        var castPath = cast is null ? "" : "/" + AttributeMetadataJson.Namespace + cast;
        if (keyed is null)
        {
            if (segments.Count > 3) throw DataverseErrors.UnknownSegment(segments[3].ToString());
            var attributes = table.Attributes
                .Where(a => cast is null || a.Type.ToMetadataTypeName() == cast)
                .Select(a => AttributeMetadataJson.Full(table, a));
            var shaped = MetadataShape.Collection(attributes, options, type, ExpandOptionSet(table),
                cast is null ? a => TypeOf(table, a) : null);
            return WriteAsync(request, entityPath + "Attributes" + castPath + options.ContextSelection(), shaped);
        }
        var attribute = FindAttribute(table, keyed);
        if (cast is not null && attribute.Type.ToMetadataTypeName() != cast)
        {
            throw MetadataErrors.WrongCast(table.LogicalName, attribute.LogicalName, attribute.Type.ToMetadataTypeName(), cast);
        }
        var full = AttributeMetadataJson.Full(table, attribute);
        if (segments.Count > 3)
        {
            var navigation = segments[3];
            if (segments.Count > 4 || navigation.Parameters is not null || !type.Navigations.Contains(navigation.Name))
            {
                throw DataverseErrors.UnknownSegment(navigation.ToString());
            }
            var optionSet = MetadataShape.Single(OptionSetMetadataJson.OptionSet(table, attribute), options, MetadataTypes.OptionSet);
            return WriteAsync(request,
                $"{entityPath}Attributes({attribute.MetadataId(table.LogicalName)}){castPath}/{navigation.Name}{options.ContextSelection()}/$entity", optionSet);
        }
        var single = MetadataShape.Single(full, options, type, ExpandOptionSet(table), cast is null ? attribute.Type.ToMetadataTypeName() : null);
        return WriteAsync(request, entityPath + "Attributes" + castPath + options.ContextSelection() + "/$entity", single);
    }

    private static Expander Expand(OrgSchema schema) => (item, navigation, options) =>
    {
        var table = schema.GetTable((string)item["LogicalName"]!);
        if (navigation != "Attributes") return Related(schema, table, navigation, options);
        return MetadataShape.Collection(table.Attributes.Select(a => AttributeMetadataJson.Full(table, a)), options,
            MetadataTypes.Attribute(null), null, a => TypeOf(table, a));
    };

    private static Expander ExpandOptionSet(TableDefinition table) => (item, _, options) =>
        MetadataShape.Single(OptionSetMetadataJson.OptionSet(table, table.FindAttribute((string)item["LogicalName"]!)!), options, MetadataTypes.OptionSet);

    private static JsonNode? Related(OrgSchema schema, TableDefinition table, string navigation, MetadataQueryOptions options) => navigation switch
    {
        "Keys" => MetadataShape.Collection(table.Keys.Select(k => EntityMetadataJson.Key(table, k)), options, MetadataTypes.Key),
        "ManyToOneRelationships" => MetadataShape.Collection(schema.OneToManyRelationships
            .Where(r => r.ReferencingEntity == table.LogicalName).Select(r => EntityMetadataJson.OneToMany(schema, r)), options, MetadataTypes.OneToMany),
        "OneToManyRelationships" => MetadataShape.Collection(schema.OneToManyRelationships
            .Where(r => r.ReferencedEntity == table.LogicalName).Select(r => EntityMetadataJson.OneToMany(schema, r)), options, MetadataTypes.OneToMany),
        "ManyToManyRelationships" => MetadataShape.Collection(schema.ManyToManyRelationships
            .Where(r => r.Entity1LogicalName == table.LogicalName || r.Entity2LogicalName == table.LogicalName)
            .Select(EntityMetadataJson.ManyToMany), options, MetadataTypes.ManyToMany),
        _ => throw MetadataErrors.UnknownProperty(EntityMetadataJson.TypeName, navigation),
    };

    private static string TypeOf(TableDefinition table, JsonObject attribute) =>
        table.FindAttribute((string)attribute["LogicalName"]!)!.Type.ToMetadataTypeName();

    internal static TableDefinition FindTable(OrgSchema schema, string parameters)
    {
        var (id, name) = Key(parameters);
        var table = id is { } metadataId
            ? schema.Tables.FirstOrDefault(t => t.MetadataId == metadataId)
            : schema.FindTable(name!);
        return table ?? throw MetadataErrors.EntityNotFound(name, id);
    }

    private static AttributeDefinition FindAttribute(TableDefinition table, string parameters)
    {
        var (id, name) = Key(parameters);
        var attribute = id is { } metadataId
            ? table.Attributes.FirstOrDefault(a => a.MetadataId(table.LogicalName) == metadataId)
            : table.FindAttribute(name!);
        return attribute ?? throw MetadataErrors.AttributeNotFound(table.LogicalName, name, id);
    }

    // Definitions are addressed by MetadataId or by their alternate key LogicalName='x'.
    private static (Guid? Id, string? LogicalName) Key(string parameters)
    {
        var key = ResourcePath.ParseParameters(parameters);
        if (key.Id is { } id) return (id, null);
        if (key.Named.Count == 1 && key.Named.TryGetValue("LogicalName", out var literal) && ResourcePath.ParseLiteral(literal) is string name)
        {
            return (null, name);
        }
        throw ResourcePath.InvalidKey(parameters);
    }

    private static string CastOf(PathSegment segment)
    {
        var name = segment.Name;
        if (segment.Parameters is null && name.StartsWith(AttributeMetadataJson.Namespace, StringComparison.Ordinal)
            && AttributeMetadataJson.DerivedTypeNames.Contains(name[AttributeMetadataJson.Namespace.Length..]))
        {
            return name[AttributeMetadataJson.Namespace.Length..];
        }
        throw DataverseErrors.UnknownSegment(segment.ToString());
    }

    private static Task WriteAsync(DataverseRequest request, string context, JsonNode body) => request.WriteJsonAsync(200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", context);
        if (body is JsonArray array)
        {
            writer.WritePropertyName("value");
            array.WriteTo(writer);
        }
        else
        {
            foreach (var (name, value) in body.AsObject())
            {
                writer.WritePropertyName(name);
                if (value is null) writer.WriteNullValue();
                else value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    });
}
