namespace SalesBridge.Emulator.Schema;

public static partial class StandardSchema
{
    /// <summary>What Dataverse gives every new custom table: Active/Inactive state and status, audit and owner columns.</summary>
    public static TableBuilder CustomTableColumns(TableBuilder builder) => builder.ActiveInactive().WithSystemColumns();

    /// <summary>
    /// What a new custom activity inherits from activitypointer: its columns (subject as primary name), Open,
    /// Completed, Canceled and Scheduled states, the regarding lookup and the activity type code.
    /// </summary>
    public static TableBuilder CustomActivityColumns(TableBuilder builder, string collectionSchemaName)
    {
        var table = builder.Table.LogicalName;
        var (state, status) = CustomActivityStates(table);
        return AddActivityColumns(builder, collectionSchemaName, table, state, status)
            .Add(new AttributeDefinition { LogicalName = "activitytypecode", Type = AttributeType.EntityName, IsValidForWrite = false });
    }

    /// <summary>The plural Dataverse derives for collection names (<c>new_BankAccount</c> → <c>new_BankAccounts</c>).</summary>
    public static string Plural(string name)
    {
        if (name.Length > 1 && name.EndsWith('y') && !"aeiou".Contains(char.ToLowerInvariant(name[^2]))) return name[..^1] + "ies";
        if (name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') || name.EndsWith("ch", StringComparison.Ordinal)
            || name.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + "es";
        }
        return name + "s";
    }
}
