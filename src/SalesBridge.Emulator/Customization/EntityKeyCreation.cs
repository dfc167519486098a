using System.Text.Json;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// <c>POST EntityDefinitions(LogicalName='x')/Keys</c> (Define alternate keys using the Web API). Dataverse builds
/// the key's index in a system job, so a new key is Pending, then Active (or Failed when rows already share a
/// value). The emulator builds the index at once: the key is Active as soon as the request returns, or Failed
/// (and not enforced) when existing rows clash, which is what a client sees once the real job has run.
/// </summary>
internal static class EntityKeyCreation
{
    public static AlternateKeyDefinition Read(EmulatedOrg org, TableDefinition table, JsonElement body, SolutionTarget solution)
    {
        if (body.ValueKind != JsonValueKind.Object) throw CustomizationErrors.Invalid("The request body must be an EntityKeyMetadata JSON object.");
        var schemaName = MetadataJson.RequiredSchemaName(body, "entity key");
        solution.EnsurePrefixed(schemaName, "EntityKey");
        var columns = body.TryGetProperty("KeyAttributes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => a.GetString() ?? "").ToArray()
            : [];
        if (columns.Length == 0) throw CustomizationErrors.Invalid($"The entity key {schemaName} must name at least one column in KeyAttributes.");
        foreach (var column in columns)
        {
            if (table.FindAttribute(column) is null) throw CustomizationErrors.UnknownColumn(table.LogicalName, column);
        }
        var logicalName = schemaName.ToLowerInvariant();
        if (table.Keys.Any(k => k.LogicalName == logicalName)) throw CustomizationErrors.DuplicateKeyName(logicalName, table.LogicalName);
        var wanted = columns.Order(StringComparer.Ordinal).ToArray();
        if (table.Keys.Any(k => k.KeyAttributes.Order(StringComparer.Ordinal).SequenceEqual(wanted)))
        {
            throw CustomizationErrors.DuplicateKeyColumns();
        }
        return new AlternateKeyDefinition(logicalName, columns)
        {
            SchemaName = schemaName, DisplayName = MetadataJson.Label(body, "DisplayName"),
        };
    }

    /// <summary>Indexes the rows the table already has and adds the key, Active or Failed.</summary>
    public static AlternateKeyDefinition Add(EmulatedOrg org, TableDefinition table, AlternateKeyDefinition key)
    {
        var indexed = org.Store.Table(table.LogicalName).TryIndexExisting(key);
        var added = key with { IndexStatus = indexed ? EntityKeyIndexStatus.Active : EntityKeyIndexStatus.Failed };
        org.Schema.AddKey(table, added);
        return added;
    }
}
