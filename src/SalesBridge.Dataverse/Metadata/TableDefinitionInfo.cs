namespace SalesBridge.Dataverse;

/// <summary>A table's definition as an installer needs it: its names, whether it is an activity, its columns and alternate keys.</summary>
public sealed record TableDefinitionInfo(string LogicalName, string? EntitySetName, bool IsActivity, IReadOnlyList<string> Columns,
    IReadOnlyList<AlternateKeyInfo> Keys)
{
    /// <summary>Whether an alternate key covers exactly <paramref name="columns"/> (in any order).</summary>
    public bool HasKeyOn(params string[] columns) =>
        Keys.Any(k => k.KeyAttributes.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(columns.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase));
}

/// <summary>An alternate key; <paramref name="IndexStatus"/> is Pending, InProgress, Active or Failed while Dataverse builds its index.</summary>
public sealed record AlternateKeyInfo(string LogicalName, IReadOnlyList<string> KeyAttributes, string? IndexStatus);

/// <summary>A choice column with its options (labels in the user's language).</summary>
public sealed record ChoiceColumnInfo(string LogicalName, string? DisplayName, bool IsCustomAttribute, IReadOnlyList<ChoiceOption> Options);

/// <summary>
/// A currency column. Dataverse adds a <c>_base</c> companion to every money column (the value in the org's base
/// currency); that one has <paramref name="IsBaseCurrency"/> set and names its source in <paramref name="AttributeOf"/>.
/// </summary>
public sealed record MoneyColumnInfo(string LogicalName, string? DisplayName, bool IsCustomAttribute, bool IsBaseCurrency, string? AttributeOf);
