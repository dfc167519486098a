namespace SalesBridge.Emulator.Schema;

/// <summary>
/// A one-to-many relationship. The referencing table holds the lookup column; each side has a navigation
/// property (single-valued on the referencing side, a collection on the referenced side).
/// </summary>
public sealed record OneToManyRelationship(
    string SchemaName,
    string ReferencedEntity,
    string ReferencingEntity,
    string ReferencingAttribute,
    string ReferencingEntityNavigationPropertyName,
    string ReferencedEntityNavigationPropertyName)
{
    public Guid MetadataId => StableId.For("relationship", SchemaName);
}

/// <summary>A many-to-many relationship, with a collection navigation property on both sides.</summary>
public sealed record ManyToManyRelationship(
    string SchemaName,
    string Entity1LogicalName,
    string Entity2LogicalName,
    string Entity1NavigationPropertyName,
    string Entity2NavigationPropertyName)
{
    public Guid MetadataId => StableId.For("relationship", SchemaName);
    public string IntersectEntityName => SchemaName;
}
