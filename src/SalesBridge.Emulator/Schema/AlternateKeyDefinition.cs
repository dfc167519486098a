namespace SalesBridge.Emulator.Schema;

/// <summary>
/// An alternate key: a set of columns whose values identify one row. Dataverse builds the key's index in a
/// system job (<c>EntityKeyIndexStatus</c>: Pending, InProgress, Active, Failed); only an Active key identifies
/// rows and is enforced.
/// </summary>
public sealed record AlternateKeyDefinition(string LogicalName, IReadOnlyList<string> KeyAttributes)
{
    public EntityKeyIndexStatus IndexStatus { get; init; } = EntityKeyIndexStatus.Active;
    public string? DisplayName { get; init; }
    /// <summary>The key's schema name as created (its logical name is the lower-case form).</summary>
    public string? SchemaName { get; init; }

    public Guid MetadataId(string table) => StableId.For("key", table, LogicalName);
    public bool IsActive => IndexStatus == EntityKeyIndexStatus.Active;
}

/// <summary>The EntityKeyIndexStatus enumeration of the Web API.</summary>
public enum EntityKeyIndexStatus
{
    Pending = 0,
    InProgress = 1,
    Active = 2,
    Failed = 3,
}
