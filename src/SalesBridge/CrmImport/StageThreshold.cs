namespace SalesBridge.CrmImport;

/// <summary>
/// "At or past the chosen pipeline stage" (SPEC S7): an opportunity counts when its stage comes at or after the chosen
/// option in the column's option order as the org lists it; with <i>Not Sure</i> every open opportunity counts.
/// A value the order does not know (an option added since the order was read) is compared by value, which is how
/// orgs usually number new stages.
/// </summary>
internal sealed class StageThreshold
{
    private readonly int? _threshold;
    private readonly Dictionary<int, int> _positions;

    private StageThreshold(int? threshold, IReadOnlyList<int> order)
    {
        _threshold = threshold;
        _positions = order.Select((value, index) => (value, index)).DistinctBy(p => p.value).ToDictionary(p => p.value, p => p.index);
    }

    public static StageThreshold NotSure { get; } = new(null, []);

    public static StageThreshold For(int? threshold, string? order) => threshold is null ? NotSure
        : new StageThreshold(threshold, (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList());

    public static string FormatOrder(IEnumerable<int> values) => string.Join(",", values);

    public bool Admits(int? stage)
    {
        if (_threshold is not { } threshold) return true;
        if (stage is not { } value) return false;
        return _positions.TryGetValue(value, out var position) && _positions.TryGetValue(threshold, out var thresholdPosition)
            ? position >= thresholdPosition
            : value >= threshold;
    }
}
