using System.Text.Json.Nodes;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Metadata;

/// <summary>
/// <c>EntityMetadata</c> and the definitions hanging off it (keys, relationships) as the Web API shows them
/// (Web API metadata entity types: EntityMetadata, EntityKeyMetadata, OneToManyRelationshipMetadata,
/// ManyToManyRelationshipMetadata). Navigation properties are only written when expanded.
/// </summary>
public static class EntityMetadataJson
{
    public const string TypeName = "EntityMetadata";

    public static readonly string[] Navigations = ["Attributes", "Keys", "ManyToOneRelationships", "OneToManyRelationships", "ManyToManyRelationships"];

    public static JsonObject Entity(TableDefinition table) => new()
    {
        ["MetadataId"] = table.MetadataId,
        ["HasChanged"] = null,
        ["LogicalName"] = table.LogicalName,
        ["SchemaName"] = table.SchemaName,
        ["EntitySetName"] = table.EntitySetName,
        ["LogicalCollectionName"] = table.EntitySetName,
        ["CollectionSchemaName"] = StandardSchema.Plural(table.SchemaName),
        ["DisplayName"] = MetadataLabels.Label(table.DisplayName ?? table.SchemaName, "entity", table.LogicalName),
        ["DisplayCollectionName"] = MetadataLabels.Label(table.DisplayCollectionName ?? table.EntitySetName, "entitycollection", table.LogicalName),
        ["Description"] = MetadataLabels.Empty(),
        ["PrimaryIdAttribute"] = table.PrimaryIdAttribute,
        ["PrimaryNameAttribute"] = table.PrimaryNameAttribute,
        ["PrimaryImageAttribute"] = null,
        ["ObjectTypeCode"] = table.ObjectTypeCode,
        ["OwnershipType"] = OwnershipName(table.OwnershipType),
        ["IsActivity"] = table.IsActivity,
        ["IsActivityParty"] = false,
        ["IsCustomEntity"] = table.IsCustomEntity,
        ["IsManaged"] = !table.IsCustomEntity,
        ["IsIntersect"] = false,
        ["IsLogicalEntity"] = table.IsActivityUnion,
        ["IsValidForAdvancedFind"] = true,
        ["ChangeTrackingEnabled"] = table.ChangeTrackingEnabled,
        ["HasActivities"] = !table.IsActivity && table.OwnershipType == OwnershipType.UserOwned,
        ["HasNotes"] = !table.IsActivity && table.OwnershipType == OwnershipType.UserOwned,
        ["TableType"] = "Standard",
        ["IsCustomizable"] = MetadataLabels.ManagedProperty(true, "iscustomizable"),
    };

    // The OwnershipTypes enumeration: "None", "UserOwned", "OrganizationOwned", "BusinessOwned" (the real one
    // also has TeamOwned and BusinessParented, which the emulated tables do not use).
    private static string OwnershipName(OwnershipType ownership) => ownership.ToString();

    public static JsonObject Key(TableDefinition table, AlternateKeyDefinition key) => new()
    {
        ["MetadataId"] = key.MetadataId(table.LogicalName),
        ["HasChanged"] = null,
        ["LogicalName"] = key.LogicalName,
        ["SchemaName"] = key.SchemaName ?? key.LogicalName,
        ["DisplayName"] = MetadataLabels.Label(key.DisplayName ?? key.LogicalName, "key", table.LogicalName, key.LogicalName),
        ["EntityLogicalName"] = table.LogicalName,
        ["KeyAttributes"] = new JsonArray(key.KeyAttributes.Select(a => (JsonNode?)a).ToArray()),
        ["EntityKeyIndexStatus"] = key.IndexStatus.ToString(),
        ["IsManaged"] = false,
        ["IsCustomizable"] = MetadataLabels.ManagedProperty(true, "iscustomizable"),
    };

    public static JsonObject OneToMany(OrgSchema schema, OneToManyRelationship relationship) => new()
    {
        ["MetadataId"] = relationship.MetadataId,
        ["HasChanged"] = null,
        ["SchemaName"] = relationship.SchemaName,
        ["RelationshipType"] = "OneToManyRelationship",
        ["ReferencedEntity"] = relationship.ReferencedEntity,
        ["ReferencedAttribute"] = schema.FindTable(relationship.ReferencedEntity)?.PrimaryIdAttribute,
        ["ReferencingEntity"] = relationship.ReferencingEntity,
        ["ReferencingAttribute"] = relationship.ReferencingAttribute,
        ["ReferencedEntityNavigationPropertyName"] = relationship.ReferencedEntityNavigationPropertyName,
        ["ReferencingEntityNavigationPropertyName"] = relationship.ReferencingEntityNavigationPropertyName,
        ["IsCustomRelationship"] = false,
        ["IsManaged"] = true,
        ["IsValidForAdvancedFind"] = true,
        ["SecurityTypes"] = "None",
    };

    public static JsonObject ManyToMany(ManyToManyRelationship relationship) => new()
    {
        ["MetadataId"] = relationship.MetadataId,
        ["HasChanged"] = null,
        ["SchemaName"] = relationship.SchemaName,
        ["RelationshipType"] = "ManyToManyRelationship",
        ["Entity1LogicalName"] = relationship.Entity1LogicalName,
        ["Entity2LogicalName"] = relationship.Entity2LogicalName,
        ["Entity1NavigationPropertyName"] = relationship.Entity1NavigationPropertyName,
        ["Entity2NavigationPropertyName"] = relationship.Entity2NavigationPropertyName,
        ["IntersectEntityName"] = relationship.IntersectEntityName,
        ["IsCustomRelationship"] = false,
        ["IsManaged"] = true,
        ["IsValidForAdvancedFind"] = true,
        ["SecurityTypes"] = "None",
    };
}
