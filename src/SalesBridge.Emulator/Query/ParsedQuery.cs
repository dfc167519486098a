using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// A request's query options, parsed with the OData library over the org's EDM model and compiled once: the row
/// predicate, the order, the projection, <c>$top</c>, <c>$count</c> and where paging resumes.
/// </summary>
internal sealed class ParsedQuery
{
    public required QueryOptions Options { get; init; }
    public required Func<EntityRow, bool>? Filter { get; init; }
    public required RowOrder Order { get; init; }
    public required Projection Projection { get; init; }
    public required int? Top { get; init; }
    public required bool Count { get; init; }

    /// <summary>Parses the request's options, or <paramref name="options"/> when the caller has read them already.</summary>
    public static ParsedQuery Parse(DataverseRequest request, TableDefinition table, QueryContext context, QueryOptions? options = null)
    {
        options ??= QueryOptions.Read(request.Query);
        var parser = Parser(request.Org.Schema, table, options.ForParser());
        var filter = QueryErrors.Parse(parser.ParseFilter);
        var orderBy = QueryErrors.Parse(parser.ParseOrderBy);
        var selectExpand = QueryErrors.Parse(parser.ParseSelectAndExpand);
        var top = QueryErrors.Parse(parser.ParseTop);
        var count = QueryErrors.Parse(parser.ParseCount);
        if (top is < 0) throw QueryErrors.Syntax($"Invalid value '{top}' for $top query option found. The $top query option requires a non-negative integer value.");
        return new ParsedQuery
        {
            Options = options,
            Filter = filter is null ? null : FilterCompiler.Compile(filter, table, parser.ParameterAliasNodes, context),
            Order = RowOrder.From(orderBy, table, parser.ParameterAliasNodes),
            Projection = Projection.From(selectExpand, table, context),
            Top = top is null ? null : (int)Math.Min(top.Value, int.MaxValue),
            Count = count == true,
        };
    }

    public static ODataQueryOptionParser Parser(OrgSchema schema, TableDefinition table, IDictionary<string, string> options)
    {
        var model = EdmModelFactory.Create(schema);
        var type = (IEdmEntityType)model.FindDeclaredType(table.QualifiedTypeName);
        var set = model.EntityContainer.FindEntitySet(table.EntitySetName);
        return new ODataQueryOptionParser(model, type, set, options)
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
        };
    }
}
