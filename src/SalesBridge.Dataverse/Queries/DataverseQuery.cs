namespace SalesBridge.Dataverse;

/// <summary>A collection read: columns, filter, order, limit and expansions.</summary>
public sealed record DataverseQuery
{
    /// <summary>Columns to return (<c>$select</c>); name them, as Microsoft recommends, rather than reading every column.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>The <c>$filter</c>, built with <see cref="ODataFilter"/>.</summary>
    public FilterExpression? Filter { get; init; }

    /// <summary><c>$orderby</c> clauses such as <c>name</c> or <c>createdon desc</c>.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>At most this many rows (<c>$top</c>); paging stops there.</summary>
    public int? Top { get; init; }

    /// <summary>Raw <c>$expand</c> clause.</summary>
    public string? Expand { get; init; }

    /// <summary>Annotations to include, e.g. <c>OData.Community.Display.V1.FormattedValue</c> or <c>*</c>.</summary>
    public string? IncludeAnnotations { get; init; }
}
