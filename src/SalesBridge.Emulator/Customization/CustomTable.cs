using System.Text.Json;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// A table created through <c>POST EntityDefinitions</c> (Create and update table definitions using the Web API):
/// logical name = lower-case schema name, entity set = its plural, a primary name column, the columns of the
/// body, and what Dataverse adds itself (state, owner and audit columns; for activities, activitypointer's
/// columns, subject as primary name, the regarding lookup, parties and a place in activitypointers).
/// </summary>
internal static class CustomTable
{
    // Custom tables get object type codes from 10,000 up, as in Dataverse.
    private const int FirstCustomTypeCode = 10000;

    /// <summary>Reads and checks the definition; nothing of the org changes until <see cref="Register"/>.</summary>
    public static TableBuilder Build(EmulatedOrg org, JsonElement body, SolutionTarget solution)
    {
        if (body.ValueKind != JsonValueKind.Object) throw CustomizationErrors.Invalid("The request body must be an EntityMetadata JSON object.");
        var schemaName = MetadataJson.RequiredSchemaName(body, "entity");
        solution.EnsurePrefixed(schemaName, "Entity");
        var logicalName = schemaName.ToLowerInvariant();
        if (org.Schema.FindTable(logicalName) is not null) throw CustomizationErrors.DuplicateTable(schemaName);
        var isActivity = MetadataJson.Flag(body, "IsActivity");
        var ownership = Ownership(MetadataJson.Text(body, "OwnershipType"), isActivity);
        var collectionSchemaName = StandardSchema.Plural(schemaName);
        var entitySetName = MetadataJson.Text(body, "EntitySetName") ?? collectionSchemaName.ToLowerInvariant();
        if (org.Schema.FindBySetName(entitySetName) is not null) throw CustomizationErrors.DuplicateTable(schemaName);

        var attributes = body.TryGetProperty("Attributes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => AttributeMetadataReader.Read(a, logicalName, solution.OptionValuePrefix)).ToArray()
            : [];
        var primaryName = PrimaryName(attributes, isActivity);
        foreach (var attribute in attributes.Where(a => !(isActivity && a.IsPrimaryName)))
        {
            solution.EnsurePrefixed(attribute.LogicalName, "Attribute");
        }

        var table = new TableDefinition
        {
            LogicalName = logicalName, SchemaName = schemaName, EntitySetName = entitySetName,
            PrimaryIdAttribute = isActivity ? "activityid" : logicalName + "id",
            PrimaryNameAttribute = isActivity ? "subject" : primaryName!.LogicalName,
            ObjectTypeCode = Math.Max(FirstCustomTypeCode, org.Schema.Tables.Max(t => t.ObjectTypeCode) + 1),
            DisplayName = MetadataJson.Label(body, "DisplayName") ?? schemaName,
            DisplayCollectionName = MetadataJson.Label(body, "DisplayCollectionName") ?? collectionSchemaName,
            OwnershipType = ownership, IsActivity = isActivity, IsCustomEntity = true,
        };
        var builder = new TableBuilder(org.Schema, table);
        if (isActivity) StandardSchema.CustomActivityColumns(builder, collectionSchemaName);
        else builder.Add(primaryName!);
        foreach (var attribute in attributes.Where(a => !a.IsPrimaryName))
        {
            if (table.FindAttribute(attribute.LogicalName) is not null) throw CustomizationErrors.DuplicateColumn(logicalName, attribute.LogicalName);
            builder.Add(attribute);
        }
        if (!isActivity) StandardSchema.CustomTableColumns(builder);
        return builder;
    }

    /// <summary>Makes a built table part of the org: schema, store, privileges and (for activities) parties.</summary>
    public static TableDefinition Register(EmulatedOrg org, TableBuilder builder)
    {
        var table = builder.Table;
        // The store first: activitypointer reads every activity table the schema lists from the store.
        org.Store.AddTable(table);
        builder.Build();
        if (table.IsActivity) StandardSchema.LinkActivityParties(org.Schema, table);
        GrantToAdministrators(org, table);
        return table;
    }

    private static AttributeDefinition? PrimaryName(IReadOnlyList<AttributeDefinition> attributes, bool isActivity)
    {
        var primary = attributes.Where(a => a.IsPrimaryName).ToArray();
        if (primary.Length > 1) throw CustomizationErrors.Invalid("An entity can only have one primary name attribute.");
        if (isActivity)
        {
            if (primary.Length == 1 && primary[0].LogicalName != "subject") throw CustomizationErrors.ActivityPrimaryNameNotSubject();
            return null;
        }
        if (primary.Length == 0 || primary[0].Type != AttributeType.String)
        {
            throw CustomizationErrors.Invalid("The entity must include a StringAttributeMetadata with IsPrimaryName set to true in Attributes.");
        }
        return primary[0];
    }

    // Custom activities must be user or team owned (Custom activities); the emulator treats team ownership as user ownership.
    private static OwnershipType Ownership(string? name, bool isActivity) => name switch
    {
        null or "UserOwned" or "TeamOwned" => OwnershipType.UserOwned,
        "OrganizationOwned" when !isActivity => OwnershipType.OrganizationOwned,
        "OrganizationOwned" => throw CustomizationErrors.Invalid("A custom activity must be user or team owned."),
        _ => throw CustomizationErrors.Invalid($"The OwnershipType '{name}' is not valid for a new table."),
    };

    // The System Administrator role has every privilege on every custom table, as in Dataverse. Activities share
    // the Activity privileges the role already holds.
    private static void GrantToAdministrators(EmulatedOrg org, TableDefinition table)
    {
        if (table.IsActivity) return;
        foreach (var role in org.Store.Table("role").InKeyOrder().Where(r => r["name"] as string == DemoRoles.SystemAdministrator))
        {
            foreach (var right in PrivilegeCatalog.Rights) org.Security.Grant(role.Id, PrivilegeCatalog.Name(table, right), PrivilegeDepth.Global);
        }
    }
}
