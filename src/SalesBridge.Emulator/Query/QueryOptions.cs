using Microsoft.AspNetCore.Http;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The system query options of a request, by exact (case-sensitive) name as Dataverse reads them, plus parameter
/// aliases (<c>@p1=...</c>). Options Dataverse does not support are refused here.
/// </summary>
internal sealed class QueryOptions
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "$select", "$filter", "$orderby", "$top", "$count", "$expand", "$skiptoken",
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "$skip", "$search", "$format", "$apply", "$levels", "$compute", "$index", "$schemaversion",
    };

    public const string DeltaToken = "$deltatoken";

    private readonly Dictionary<string, string> _options;

    private QueryOptions(Dictionary<string, string> options) => _options = options;

    /// <summary>
    /// Reads the options; <c>$deltatoken</c> is accepted only when <paramref name="tracking"/> (a change-tracking read),
    /// since no other resource takes it.
    /// </summary>
    public static QueryOptions Read(IQueryCollection query, bool tracking = false)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (name.StartsWith('@'))
            {
                options[name] = values.ToString();
                continue;
            }
            if (!name.StartsWith('$')) continue;
            if (Unsupported.Contains(name)) throw QueryErrors.NotSupported(name);
            if (!Known.Contains(name) && !(tracking && name == DeltaToken)) throw QueryErrors.Syntax($"The query parameter '{name}' is not supported.");
            if (values.Count > 1) throw QueryErrors.Syntax($"Query option '{name}' was specified more than once, but it must be specified at most once.");
            options[name] = values.ToString();
        }
        return new QueryOptions(options);
    }

    public string? this[string name] => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The options the OData parser reads: everything but the skip and delta tokens.</summary>
    public Dictionary<string, string> ForParser() =>
        _options.Where(o => o.Key is not ("$skiptoken" or DeltaToken)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    /// <summary>Whether <c>$filter</c> may use a lambda (<c>any</c>/<c>all</c>); a false positive only costs caching.</summary>
    public bool FiltersRelatedRows() =>
        this["$filter"] is { } filter && (filter.Contains("any(", StringComparison.Ordinal) || filter.Contains("all(", StringComparison.Ordinal));

    /// <summary>A key naming what the rows depend on ($filter, $orderby and the aliases they may use).</summary>
    public string RowsKey() =>
        string.Join('\u001f', _options
            .Where(o => o.Key is "$filter" or "$orderby" || o.Key.StartsWith('@'))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => o.Key + "=" + o.Value));
}
