namespace SalesBridge.Emulator.Schema;

public enum NavigationKind
{
    /// <summary>Single-valued: the lookup column on this table points at one row of <see cref="NavigationProperty.TargetTable"/>.</summary>
    ManyToOne,
    /// <summary>Collection: rows of the target table whose lookup column points at this row.</summary>
    OneToMany,
    /// <summary>Collection through an intersect table.</summary>
    ManyToMany,
}

/// <summary>A navigation property of a table, resolved from its relationship.</summary>
public sealed record NavigationProperty(
    string Name,
    NavigationKind Kind,
    string SourceTable,
    string TargetTable,
    string? LookupAttribute,
    string RelationshipSchemaName)
{
    public bool IsCollection => Kind != NavigationKind.ManyToOne;
}
