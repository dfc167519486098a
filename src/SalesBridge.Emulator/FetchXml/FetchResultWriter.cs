using System.Text.Json;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Writes a FetchXML page as the Web API does: <c>@odata.context</c>, the count and paging annotations the
/// client asked for, then the rows. Unlike OData queries, FetchXML results leave out null values
/// (FetchXml overview: "FetchXML queries sent using Web API don't return properties with null values").
/// </summary>
public static class FetchResultWriter
{
    public const string PagingCookieAnnotation = "Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
    public const string MoreRecordsAnnotation = "Microsoft.Dynamics.CRM.morerecords";
    public const string TotalRecordCountAnnotation = "Microsoft.Dynamics.CRM.totalrecordcount";
    public const string TotalRecordCountLimitExceededAnnotation = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";
    private const int CountLimit = 5000;

    public static Task WriteAsync(DataverseRequest request, FetchQuery query, FetchPage page, bool count)
    {
        var annotations = request.Prefer.Annotations;
        if (annotations.RawValue is { } raw) request.ApplyPreference($"odata.include-annotations=\"{raw}\"");
        var rows = new RowJsonWriter(request.Org.Store, annotations);
        var table = query.Entity.Table;
        var mainColumns = FetchColumns.MainColumns(query).ToList();
        var context = $"{request.MetadataUrl}#{table.EntitySetName}({string.Join(',', mainColumns.Select(c => c.Alias ?? c.Attribute.PropertyName))})";
        return request.WriteJsonAsync(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", context);
            if (count)
            {
                writer.WriteNumber("@odata.count", Math.Min(page.TotalRecordCount, CountLimit));
                if (annotations.Includes(TotalRecordCountAnnotation))
                {
                    writer.WriteNumber("@" + TotalRecordCountAnnotation, page.TotalRecordCount > CountLimit ? -1 : page.TotalRecordCount);
                }
                if (annotations.Includes(TotalRecordCountLimitExceededAnnotation))
                {
                    writer.WriteBoolean("@" + TotalRecordCountLimitExceededAnnotation, page.TotalRecordCount > CountLimit);
                }
            }
            if (page.PagingCookie is { } cookie && annotations.Includes(PagingCookieAnnotation))
            {
                writer.WriteString("@" + PagingCookieAnnotation, cookie);
            }
            if (page.MoreRecords && annotations.Includes(MoreRecordsAnnotation)) writer.WriteBoolean("@" + MoreRecordsAnnotation, true);
            writer.WriteStartArray("value");
            foreach (var row in page.Rows) WriteRow(writer, rows, query, row, annotations);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteRow(Utf8JsonWriter writer, RowJsonWriter rows, FetchQuery query, FetchResultRow row, AnnotationFilter annotations)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.etag", row.Main.ETag);
        foreach (var column in FetchColumns.Projected(query, row))
        {
            if (column.Value is null) continue;
            if (column.Name is null) rows.WriteColumn(writer, row.Main, column.Table, column.Attribute);
            else WriteNamed(writer, rows.Store, column, annotations);
        }
        writer.WriteEndObject();
    }

    // Aliased and linked values: annotated like other columns, under their alias.column name.
    private static void WriteNamed(Utf8JsonWriter writer, OrgStore store, ProjectedColumn column, AnnotationFilter annotations)
    {
        var name = column.Name!;
        if (annotations.Includes(AnnotationFilter.FormattedValue) && FormattedValues.Applies(column.Attribute)
            && FormattedValues.Format(column.Attribute, column.Value, store) is { } text)
        {
            writer.WriteString(name + "@" + AnnotationFilter.FormattedValue, text);
        }
        if (column.Value is EntityReference reference && annotations.Includes(AnnotationFilter.LookupLogicalName))
        {
            writer.WriteString(name + "@" + AnnotationFilter.LookupLogicalName, reference.Table);
        }
        writer.WritePropertyName(name);
        RowJsonWriter.WriteValue(writer, column.Value);
    }
}
