using System.Text.Json;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// <c>$select</c> and <c>$expand</c> of a single-row response (retrieve, or <c>return=representation</c>).
/// Options that only make sense for collections are refused.
/// </summary>
public sealed class SingleRowQuery
{
    private static readonly string[] CollectionOnly = ["$filter", "$orderby", "$top", "$count", "$skiptoken"];

    private readonly Projection _projection;

    private SingleRowQuery(Projection projection) => _projection = projection;

    /// <summary>The columns <see cref="Protocol.RowJsonWriter.Write"/> should write.</summary>
    public IReadOnlyList<AttributeDefinition> Columns => _projection.Columns;

    /// <summary>Parses the request's <c>$select</c> and <c>$expand</c>; throws <see cref="Protocol.DataverseFault"/> on bad input.</summary>
    public static SingleRowQuery Parse(DataverseRequest request, TableDefinition table)
    {
        var context = QueryContext.Of(request);
        var options = QueryOptions.Read(request.Query);
        foreach (var option in CollectionOnly)
        {
            if (options.Has(option)) throw QueryErrors.NotSupportedOnSingleRow(option);
        }
        var parser = ParsedQuery.Parser(request.Org.Schema, table, options.ForParser());
        var selectExpand = QueryErrors.Parse(parser.ParseSelectAndExpand);
        return new SingleRowQuery(Projection.From(selectExpand, table, context));
    }

    /// <summary><c>{root}$metadata#accounts(name,accountid)/$entity</c>.</summary>
    public string ContextUrl(string serviceRoot, string entitySetName) =>
        $"{serviceRoot}$metadata#{entitySetName}{_projection.ContextList}/$entity";

    /// <summary>Writes the row's expanded navigation properties (call inside the row's object).</summary>
    public void WriteExpanded(Utf8JsonWriter writer, EntityRow row) => _projection.WriteExpansions(writer, row);
}
