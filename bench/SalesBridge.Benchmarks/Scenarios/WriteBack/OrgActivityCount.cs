using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.WriteBack;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// Counts the note activities in the org by <c>sb_itemid</c> — a plain query of the org, not what SalesBridge recorded —
/// against the items that were queued: missing (no activity), doubled (more than one), extra (an activity for no queued item).
/// </summary>
internal sealed record OrgActivityCount(int Expected, int Activities, int Missing, int Doubled, int Extra)
{
    public bool ExactlyOnce => Missing == 0 && Doubled == 0 && Extra == 0;

    public static async Task<OrgActivityCount> CountAsync(DataverseClient client, IReadOnlyCollection<Guid> expected, CancellationToken cancellationToken)
    {
        var table = SalesBridgeSolution.TableFor(WriteBackItemKind.Note);
        var rows = new Dictionary<Guid, int>();
        var activities = 0;
        await foreach (var row in client.QueryAsync(table.EntitySetName, new DataverseQuery { Select = ["activityid", SalesBridgeSolution.ItemIdColumn] },
            cancellationToken: cancellationToken))
        {
            activities++;
            if (row[SalesBridgeSolution.ItemIdColumn]?.GetValue<string>() is { } text && Guid.TryParse(text, out var itemId))
                rows[itemId] = rows.GetValueOrDefault(itemId) + 1;
        }
        var wanted = expected.ToHashSet();
        return new OrgActivityCount(wanted.Count, activities,
            Missing: wanted.Count(id => !rows.ContainsKey(id)),
            Doubled: rows.Count(r => wanted.Contains(r.Key) && r.Value > 1),
            Extra: activities - rows.Where(r => wanted.Contains(r.Key)).Sum(r => r.Value));
    }

    public Dictionary<string, object> Figures() => new()
    {
        ["expected"] = Expected, ["activities_in_org"] = Activities, ["missing"] = Missing, ["doubled"] = Doubled, ["extra"] = Extra,
    };
}
