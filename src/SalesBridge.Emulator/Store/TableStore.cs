using System.Collections.Concurrent;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Store;

/// <summary>
/// The rows of one table, indexed by id and by alternate keys. Reads are lock-free (rows are immutable,
/// the index is concurrent); writes come through <see cref="OrgStore"/>, which serializes them.
/// </summary>
public sealed class TableStore(TableDefinition definition)
{
    private readonly ConcurrentDictionary<Guid, EntityRow> _rows = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Guid>> _keys = new(StringComparer.Ordinal);
    private readonly Lock _sortGate = new();
    private volatile EntityRow[]? _sorted;

    public TableDefinition Definition { get; } = definition;
    public int Count => _rows.Count;

    public EntityRow? Find(Guid id) => _rows.GetValueOrDefault(id);

    public EntityRow? FindByKey(AlternateKeyDefinition key, IReadOnlyDictionary<string, object?> values)
    {
        var text = KeyText(key, values);
        return text is not null && _keys.TryGetValue(key.LogicalName, out var index) && index.TryGetValue(text, out var id)
            ? Find(id)
            : null;
    }

    /// <summary>All rows in primary-key order: the stable order paging relies on. Rebuilt only after writes.</summary>
    public IReadOnlyList<EntityRow> InKeyOrder()
    {
        var sorted = _sorted;
        if (sorted is not null) return sorted;
        lock (_sortGate)
        {
            sorted = _sorted;
            if (sorted is not null) return sorted;
            sorted = _rows.Values.ToArray();
            Array.Sort(sorted, static (a, b) => a.Id.CompareTo(b.Id));
            _sorted = sorted;
            return sorted;
        }
    }

    internal void Put(EntityRow row, EntityRow? previous)
    {
        if (previous is not null) Unindex(previous);
        _rows[row.Id] = row;
        Index(row);
        _sorted = null;
    }

    internal void Remove(EntityRow row)
    {
        _rows.TryRemove(row.Id, out _);
        Unindex(row);
        _sorted = null;
    }

    /// <summary>The id of another row that already holds <paramref name="row"/>'s value for some alternate key.</summary>
    internal (AlternateKeyDefinition Key, Guid Id)? FindKeyClash(EntityRow row)
    {
        foreach (var key in Definition.ActiveKeys)
        {
            var text = KeyText(key, row.Values);
            if (text is not null && _keys.TryGetValue(key.LogicalName, out var index)
                && index.TryGetValue(text, out var id) && id != row.Id)
            {
                return (key, id);
            }
        }
        return null;
    }

    /// <summary>
    /// Builds the index of a key added after rows exist, as Dataverse's index job does. False (and no index) when
    /// two rows already share a value: the key's index then fails.
    /// </summary>
    internal bool TryIndexExisting(AlternateKeyDefinition key)
    {
        var index = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in _rows.Values)
        {
            var text = KeyText(key, row.Values);
            if (text is not null && !index.TryAdd(text, row.Id)) return false;
        }
        _keys[key.LogicalName] = index;
        return true;
    }

    private void Index(EntityRow row)
    {
        foreach (var key in Definition.ActiveKeys)
        {
            var text = KeyText(key, row.Values);
            if (text is not null) _keys.GetOrAdd(key.LogicalName, _ => new(StringComparer.Ordinal))[text] = row.Id;
        }
    }

    private void Unindex(EntityRow row)
    {
        foreach (var key in Definition.ActiveKeys)
        {
            var text = KeyText(key, row.Values);
            if (text is not null && _keys.TryGetValue(key.LogicalName, out var index)) index.TryRemove(text, out _);
        }
    }

    // Key values compare case-insensitively, as SQL Server's default collation does in Dataverse.
    private static string? KeyText(AlternateKeyDefinition key, IReadOnlyDictionary<string, object?> values)
    {
        var parts = new string[key.KeyAttributes.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!values.TryGetValue(key.KeyAttributes[i], out var value) || value is null) return null;
            parts[i] = (value is EntityReference r ? r.Id.ToString() : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)
                .ToUpperInvariant();
        }
        return string.Join('\u001f', parts);
    }
}
