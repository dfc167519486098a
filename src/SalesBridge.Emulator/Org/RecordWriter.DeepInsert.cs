using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Org;

/// <summary>
/// Rows to create with their parent in one request (deep insert), keyed in the parent's values by the collection
/// navigation property that relates them, e.g. <c>task_activity_parties</c>.
/// </summary>
public sealed record DeepInsertedRows(NavigationProperty Navigation, IReadOnlyList<Dictionary<string, object?>> Rows)
{
    /// <summary>
    /// The one kind of deep insert the emulator takes: an activity's parties. Other collections are refused,
    /// so a client never believes rows were created that were not.
    /// </summary>
    public static bool IsSupported(TableDefinition table, NavigationProperty navigation) =>
        table is { IsActivity: true, IsActivityUnion: false }
        && navigation is { Kind: NavigationKind.OneToMany, TargetTable: StandardSchema.ActivityParty, LookupAttribute: "activityid" };
}

public sealed partial class RecordWriter
{
    private static (Dictionary<string, object?> Columns, List<DeepInsertedRows> Related) SplitDeepInserts(IReadOnlyDictionary<string, object?> values)
    {
        var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
        var related = new List<DeepInsertedRows>();
        foreach (var (name, value) in values)
        {
            if (value is DeepInsertedRows rows) related.Add(rows);
            else columns[name] = value;
        }
        return (columns, related);
    }

    /// <summary>Creates the related rows of a deep insert, each pointing at the parent just created.</summary>
    private void CreateRelated(WriteScope scope, TableDefinition parent, EntityRow created, IEnumerable<DeepInsertedRows> related, Caller caller)
    {
        foreach (var group in related)
        {
            var target = org.Schema.GetTable(group.Navigation.TargetTable);
            foreach (var row in group.Rows)
            {
                var values = new Dictionary<string, object?>(row, StringComparer.Ordinal)
                {
                    [group.Navigation.LookupAttribute!] = new EntityReference(parent.LogicalName, created.Id),
                };
                Create(scope, target, values, caller);
            }
        }
    }

    private static void RefuseDeepUpdate(TableDefinition table, IReadOnlyDictionary<string, object?> values)
    {
        if (values.Values.OfType<DeepInsertedRows>().FirstOrDefault() is { } rows)
        {
            throw DataverseErrors.BadRequest(
                $"Related rows can only be created with a new '{table.LogicalName}' (deep insert); '{rows.Navigation.Name}' cannot be set on update.");
        }
    }
}
