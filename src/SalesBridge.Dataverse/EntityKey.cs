namespace SalesBridge.Dataverse;

/// <summary>Which row a request addresses: its primary key, or the values of one of the table's alternate keys.</summary>
public sealed class EntityKey
{
    private readonly string _segment;

    private EntityKey(string segment) => _segment = segment;

    /// <summary>The row with this primary key.</summary>
    public static EntityKey Id(Guid id) => new(id.ToString("D"));

    /// <summary>The row whose alternate-key columns hold these values, e.g. <c>("accountnumber", "A1")</c>.</summary>
    public static EntityKey Alternate(params (string Column, object Value)[] values)
    {
        if (values.Length == 0) throw new ArgumentException("An alternate key needs at least one column.", nameof(values));
        return new(string.Join(",", values.Select(v => $"{ODataFilter.Column(v.Column)}={ODataFilter.Literal(v.Value)}")));
    }

    /// <summary>The key as it stands in a URL after the entity set, escaped: <c>(…)</c>.</summary>
    public string ToUrlSegment() => "(" + Uri.EscapeDataString(_segment).Replace("%3D", "=", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal) + ")";

    /// <inheritdoc/>
    public override string ToString() => "(" + _segment + ")";
}
