using System.Text.Json.Nodes;

namespace SalesBridge.Emulator.Metadata;

/// <summary>A metadata type as queries see it: its OData name, its properties and its navigation properties.</summary>
public sealed record MetadataType(string Name, IReadOnlySet<string> Properties, IReadOnlyCollection<string> Navigations);

/// <summary>Expands a navigation property of one item with the options given for it.</summary>
public delegate JsonNode? Expander(JsonObject item, string navigation, MetadataQueryOptions options);

/// <summary>
/// Applies <c>$select</c>, <c>$filter</c> and <c>$expand</c> to metadata items. <c>MetadataId</c> is always
/// returned (Query table definitions using the Web API); a name the type does not have fails as OData does.
/// </summary>
public static class MetadataShape
{
    public static JsonArray Collection(IEnumerable<JsonObject> items, MetadataQueryOptions options, MetadataType type,
        Expander? expand = null, Func<JsonObject, string?>? odataType = null)
    {
        Validate(options, type);
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (options.Filter is not null && !options.Filter.Matches(item)) continue;
            result.Add(Item(item, options, type, expand, odataType?.Invoke(item)));
        }
        return result;
    }

    public static JsonObject Single(JsonObject item, MetadataQueryOptions options, MetadataType type,
        Expander? expand = null, string? odataType = null)
    {
        Validate(options, type);
        if (options.Filter is not null) throw MetadataErrors.BadQuery("The query option $filter is not allowed when addressing a single definition.");
        return Item(item, options, type, expand, odataType);
    }

    private static JsonObject Item(JsonObject item, MetadataQueryOptions options, MetadataType type, Expander? expand, string? odataType)
    {
        var result = new JsonObject();
        if (odataType is not null) result["@odata.type"] = "#" + AttributeMetadataJson.Namespace + odataType;
        var expansions = new Dictionary<string, MetadataQueryOptions>(options.Expand, StringComparer.Ordinal);
        if (options.Select is null)
        {
            foreach (var (name, value) in item) result[name] = value?.DeepClone();
        }
        else
        {
            result["MetadataId"] = item["MetadataId"]?.DeepClone();
            foreach (var name in options.Select)
            {
                // A navigation property named in $select is returned as if expanded (e.g. $select=Keys).
                if (type.Navigations.Contains(name)) expansions.TryAdd(name, MetadataQueryOptions.None);
                else result[name] = item[name]?.DeepClone();
            }
        }
        foreach (var (name, nested) in expansions)
        {
            result[name] = expand?.Invoke(item, name, nested);
        }
        return result;
    }

    private static void Validate(MetadataQueryOptions options, MetadataType type)
    {
        foreach (var name in options.Select ?? [])
        {
            if (!type.Properties.Contains(name) && !type.Navigations.Contains(name)) throw MetadataErrors.UnknownProperty(type.Name, name);
        }
        foreach (var name in options.Filter?.Properties() ?? [])
        {
            if (!type.Properties.Contains(name)) throw MetadataErrors.UnknownProperty(type.Name, name);
        }
        foreach (var name in options.Expand.Keys)
        {
            if (!type.Navigations.Contains(name)) throw MetadataErrors.UnknownProperty(type.Name, name);
        }
    }
}
