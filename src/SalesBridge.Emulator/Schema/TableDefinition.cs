namespace SalesBridge.Emulator.Schema;

public enum OwnershipType
{
    None,
    UserOwned,
    OrganizationOwned,
    BusinessOwned,
}

/// <summary>One table (entity) of the org, as <c>EntityMetadata</c> describes it.</summary>
public sealed class TableDefinition
{
    private readonly Dictionary<string, AttributeDefinition> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeDefinition> _byProperty = new(StringComparer.Ordinal);
    private readonly List<AttributeDefinition> _ordered = [];
    private readonly List<AlternateKeyDefinition> _keys = [];

    public required string LogicalName { get; init; }
    public required string EntitySetName { get; init; }
    public required string SchemaName { get; init; }
    public required string PrimaryIdAttribute { get; init; }
    public string? PrimaryNameAttribute { get; init; }
    public required int ObjectTypeCode { get; init; }
    public string? DisplayName { get; init; }
    public string? DisplayCollectionName { get; init; }
    public OwnershipType OwnershipType { get; init; } = OwnershipType.UserOwned;
    public bool IsActivity { get; init; }
    public bool IsCustomEntity { get; init; }
    public bool ChangeTrackingEnabled { get; set; }
    /// <summary>
    /// True for <c>activitypointer</c>: a read-only union over every activity table. Rows cannot be created
    /// in it directly, as in Dataverse.
    /// </summary>
    public bool IsActivityUnion { get; init; }

    public Guid MetadataId => StableId.For("entity", LogicalName);
    /// <summary>The OData type name used in <c>@odata.type</c> and error messages.</summary>
    public string QualifiedTypeName => "Microsoft.Dynamics.CRM." + LogicalName;

    public IReadOnlyList<AttributeDefinition> Attributes => _ordered;
    public IReadOnlyList<AlternateKeyDefinition> Keys => _keys;
    /// <summary>The keys whose index is built: only these identify rows and are enforced.</summary>
    public IEnumerable<AlternateKeyDefinition> ActiveKeys => _keys.Where(k => k.IsActive);

    public AttributeDefinition PrimaryId => _attributes[PrimaryIdAttribute];

    public void Add(AttributeDefinition attribute)
    {
        if (!_attributes.TryAdd(attribute.LogicalName, attribute))
        {
            throw new InvalidOperationException($"Table {LogicalName} already has a column {attribute.LogicalName}.");
        }
        _byProperty[attribute.PropertyName] = attribute;
        _ordered.Add(attribute);
    }

    public void AddKey(AlternateKeyDefinition key) => _keys.Add(key);

    public AttributeDefinition? FindAttribute(string logicalName) =>
        _attributes.GetValueOrDefault(logicalName);

    /// <summary>Finds a column by its Web API property name (<c>name</c> or <c>_parentcustomerid_value</c>).</summary>
    public AttributeDefinition? FindProperty(string propertyName) =>
        _byProperty.GetValueOrDefault(propertyName);

    public AlternateKeyDefinition? FindKey(IEnumerable<string> attributeNames)
    {
        var wanted = attributeNames.Order(StringComparer.Ordinal).ToArray();
        return _keys.FirstOrDefault(k => k.IsActive && k.KeyAttributes.Order(StringComparer.Ordinal).SequenceEqual(wanted));
    }
}
