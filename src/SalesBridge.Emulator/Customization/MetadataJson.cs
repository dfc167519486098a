using System.Text.Json;

namespace SalesBridge.Emulator.Customization;

/// <summary>Reads the pieces of an EntityMetadata or AttributeMetadata body that several readers share.</summary>
internal static class MetadataJson
{
    public static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Flag(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static int? Number(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>The text of a <c>Label</c>: the user's localized label, else the first localized one.</summary>
    public static string? Label(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var label) || label.ValueKind != JsonValueKind.Object) return null;
        if (label.TryGetProperty("UserLocalizedLabel", out var user) && user.ValueKind == JsonValueKind.Object && Text(user, "Label") is { } text)
        {
            return text;
        }
        return label.TryGetProperty("LocalizedLabels", out var all) && all.ValueKind == JsonValueKind.Array
            ? all.EnumerateArray().Select(l => Text(l, "Label")).FirstOrDefault(t => t is not null)
            : null;
    }

    /// <summary>The derived type named by <c>@odata.type</c>, without its namespace (e.g. <c>StringAttributeMetadata</c>).</summary>
    public static string? TypeName(JsonElement body) =>
        Text(body, "@odata.type") is { } type ? type.TrimStart('#').Replace("Microsoft.Dynamics.CRM.", "", StringComparison.Ordinal) : null;

    public static string RequiredSchemaName(JsonElement body, string what) =>
        Text(body, "SchemaName") is { Length: > 0 } name
            ? name
            : throw CustomizationErrors.Invalid($"The {what} definition must have a SchemaName.");
}
