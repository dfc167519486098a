namespace SalesBridge.Emulator.Store;

/// <summary>
/// One row of a table. Rows are immutable once stored: an update stores a changed copy, so readers can
/// page and serialize without holding a lock while writers go on.
/// </summary>
public sealed class EntityRow
{
    private readonly Dictionary<string, object?> _values;

    public EntityRow(string table, Guid id, Dictionary<string, object?>? values = null)
    {
        Table = table;
        Id = id;
        _values = values ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public string Table { get; }
    public Guid Id { get; }
    /// <summary>The row version (<c>versionnumber</c>), also the weak ETag.</summary>
    public long Version { get; init; }

    public IReadOnlyDictionary<string, object?> Values => _values;

    public object? this[string attribute] => _values.GetValueOrDefault(attribute);

    public bool Has(string attribute) => _values.ContainsKey(attribute);

    public T? Get<T>(string attribute) => _values.TryGetValue(attribute, out var value) && value is T typed ? typed : default;

    public EntityReference? Reference(string attribute) => _values.GetValueOrDefault(attribute) as EntityReference;

    public string ETag => $"W/\"{Version}\"";

    /// <summary>A copy with <paramref name="changes"/> applied and a new version, for the store to swap in.</summary>
    public EntityRow With(IReadOnlyDictionary<string, object?> changes, long version)
    {
        var values = new Dictionary<string, object?>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in changes) values[name] = value;
        return new EntityRow(Table, Id, values) { Version = version };
    }
}
