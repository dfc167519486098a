using System.Text.Json;
using System.Text.Json.Nodes;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>Reads the columns of a row the Web API returned, tolerating what a real org may leave out.</summary>
internal static class CrmRows
{
    private const string LookupTable = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    private const string Formatted = "@OData.Community.Display.V1.FormattedValue";

    public static Guid? Id(JsonObject row, string column) =>
        row[column] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;

    public static string? Text(JsonObject row, string column, int maxLength)
    {
        if (row[column] is not JsonValue value || !value.TryGetValue<string>(out var text)) return null;
        text = text.Trim();
        // Longer than SalesBridge keeps: cut rather than lose the row; the CRM still holds the whole value.
        return text.Length == 0 ? null : ColumnFit.Cut(text, maxLength);
    }

    public static int? Number(JsonObject row, string column) =>
        row[column] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    /// <summary>The logical name of the table a lookup column points into, e.g. <c>account</c>.</summary>
    public static string? LookupTableOf(JsonObject row, string column) => Text(row, column + LookupTable, 100);

    public static string? FormattedValue(JsonObject row, string column, int maxLength) => Text(row, column + Formatted, maxLength);
}
