namespace SalesBridge.Dataverse;

/// <summary>A column of a table as metadata describes it.</summary>
public sealed record AttributeInfo(string LogicalName, string AttributeType, string? DisplayName, bool IsCustomAttribute);

/// <summary>One option of a choice column, with its label in the user's language.</summary>
public sealed record ChoiceOption(int Value, string Label);

/// <summary>The kinds of choice column whose options can be read.</summary>
public enum ChoiceKind
{
    /// <summary>A choice (picklist) column.</summary>
    Picklist,
    /// <summary>The status reason column.</summary>
    Status,
    /// <summary>The state column.</summary>
    State,
}
