using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The filtered, sorted rows of recent ordered queries, so that paging through a large result does not filter and
/// sort the whole table for every page. An entry is valid only for the source snapshot it was computed from, so any
/// write to the table makes it stale. Small and bounded: the oldest entry goes first.
/// </summary>
internal sealed class ResultCache
{
    public const int Capacity = 16;

    private static readonly ConditionalWeakTable<OrgStore, ResultCache> PerStore = new();

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _age = new();
    private readonly Lock _gate = new();

    public static ResultCache For(OrgStore store) => PerStore.GetOrCreateValue(store);

    public EntityRow[] GetOrAdd(string key, object snapshot, Func<EntityRow[]> compute)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var hit) && ReferenceEquals(hit.Snapshot, snapshot)) return hit.Rows;
        }
        var rows = compute();
        lock (_gate)
        {
            if (_entries.Remove(key, out var stale)) _age.Remove(stale.Node);
            while (_entries.Count >= Capacity && _age.First is { } oldest)
            {
                _entries.Remove(oldest.Value);
                _age.RemoveFirst();
            }
            _entries[key] = new Entry(snapshot, rows, _age.AddLast(key));
        }
        return rows;
    }

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    private sealed record Entry(object Snapshot, EntityRow[] Rows, LinkedListNode<string> Node);
}
