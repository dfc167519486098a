namespace SalesBridge.Emulator.Schema;

/// <summary>One column of a table, as <c>AttributeMetadata</c> describes it.</summary>
public sealed class AttributeDefinition
{
    public required string LogicalName { get; init; }
    public required AttributeType Type { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Maximum length of string and memo columns; longer values are refused with 0x80044331.</summary>
    public int? MaxLength { get; init; }
    /// <summary>Tables a lookup, customer or owner column may point to.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
    public OptionSetDefinition? OptionSet { get; init; }
    public bool IsCustomAttribute { get; init; }
    public bool IsPrimaryId { get; init; }
    public bool IsPrimaryName { get; init; }
    /// <summary>False for system-managed columns (createdon, versionnumber, ...), which clients cannot set.</summary>
    public bool IsValidForWrite { get; init; } = true;
    public string RequiredLevel { get; init; } = "None";
    /// <summary>The column whose value this one formats or mirrors (e.g. <c>fullname</c> from first and last name).</summary>
    public string? AttributeOf { get; init; }

    public string SchemaName => LogicalName;
    public string EffectiveDisplayName => DisplayName ?? LogicalName;
    public Guid MetadataId(string table) => StableId.For("attribute", table, LogicalName);

    /// <summary>The Web API property name: lookups are read as <c>_name_value</c>.</summary>
    public string PropertyName => Type.IsLookup() ? $"_{LogicalName}_value" : LogicalName;
}
