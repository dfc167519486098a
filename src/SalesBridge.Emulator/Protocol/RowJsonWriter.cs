using System.Text.Json;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Protocol;

/// <summary>
/// Writes a row the way the Web API does: <c>@odata.etag</c> first, then each selected column (lookups as
/// <c>_name_value</c>), each preceded by the annotations the client asked for.
/// </summary>
public sealed class RowJsonWriter(OrgStore store, AnnotationFilter annotations)
{
    private readonly bool _formatted = annotations.Includes(AnnotationFilter.FormattedValue);
    private readonly bool _lookupName = annotations.Includes(AnnotationFilter.LookupLogicalName);
    private readonly bool _navigation = annotations.Includes(AnnotationFilter.AssociatedNavigationProperty);

    public OrgStore Store => store;

    /// <summary>
    /// Writes one row as a JSON object. <paramref name="writeExtra"/> adds expanded navigation properties or
    /// other members before the object closes.
    /// </summary>
    public void Write(Utf8JsonWriter writer, EntityRow row, TableDefinition table, IReadOnlyList<AttributeDefinition> columns,
        Action<Utf8JsonWriter, EntityRow>? writeExtra = null)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.etag", row.ETag);
        foreach (var column in columns) WriteColumn(writer, row, table, column);
        writeExtra?.Invoke(writer, row);
        writer.WriteEndObject();
    }

    /// <summary>The columns written when the client names none: every column of the table.</summary>
    public static IReadOnlyList<AttributeDefinition> AllColumns(TableDefinition table) => table.Attributes;

    public void WriteColumn(Utf8JsonWriter writer, EntityRow row, TableDefinition table, AttributeDefinition column)
    {
        var name = column.PropertyName;
        var value = ValueOf(row, column);
        if (value is not null && !annotations.IsEmpty)
        {
            if (_formatted && FormattedValues.Applies(column)
                && FormattedValues.Format(column, value, store) is { } text)
            {
                writer.WriteString(name + "@" + AnnotationFilter.FormattedValue, text);
            }
            if (value is EntityReference reference)
            {
                if (_navigation && store.Schema.FindLookupNavigation(table.LogicalName, column.LogicalName, reference.Table) is { } nav)
                {
                    writer.WriteString(name + "@" + AnnotationFilter.AssociatedNavigationProperty, nav.Name);
                }
                if (_lookupName) writer.WriteString(name + "@" + AnnotationFilter.LookupLogicalName, reference.Table);
            }
        }
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    public static object? ValueOf(EntityRow row, AttributeDefinition column) => column.IsPrimaryId
        ? row.Id
        : column.LogicalName == "versionnumber" ? row.Version : row[column.LogicalName];

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case Guid g: writer.WriteStringValue(g); break;
            case EntityReference r: writer.WriteStringValue(r.Id); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case DateTimeOffset t: writer.WriteStringValue(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
