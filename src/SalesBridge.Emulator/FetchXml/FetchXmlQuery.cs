using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Answers <c>GET /{entityset}?fetchXml=...</c> (FetchXml overview and page results): parses and checks the
/// query against the schema, reads what the caller may see of each table, joins, filters, orders and pages,
/// and writes the page as JSON; failures are thrown as <see cref="Protocol.DataverseFault"/>.
/// </summary>
public static class FetchXmlQuery
{
    public static Task WriteAsync(DataverseRequest request, TableDefinition table, string fetchXml)
    {
        var query = FetchXmlParser.Parse(request.Org.Schema, fetchXml);
        if (query.Entity.Table.LogicalName != table.LogicalName)
        {
            throw FetchXmlErrors.EntitySetMismatch(table, query.Entity.Table.LogicalName);
        }
        var page = FetchPage.Run(query, request.Org, request.Caller);
        // returntotalrecordcount and $count=true are the same request (FetchXml: count rows).
        var count = query.ReturnTotalRecordCount
            || string.Equals(request.Query["$count"], "true", StringComparison.OrdinalIgnoreCase);
        return FetchResultWriter.WriteAsync(request, query, page, count);
    }
}
