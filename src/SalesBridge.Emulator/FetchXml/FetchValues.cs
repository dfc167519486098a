using System.Globalization;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>Converts a condition's text value to the type of the column it is compared with.</summary>
public static class FetchValues
{
    public static object Convert(AttributeDefinition attribute, string text)
    {
        var value = text.Trim();
        object? converted = attribute.Type switch
        {
            AttributeType.String or AttributeType.Memo or AttributeType.EntityName => text,
            AttributeType.Integer or AttributeType.Picklist or AttributeType.State or AttributeType.Status =>
                int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            AttributeType.BigInt => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            AttributeType.Decimal or AttributeType.Money =>
                decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            AttributeType.Double => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null,
            AttributeType.Boolean => value switch
            {
                "1" or "true" or "True" => true,
                "0" or "false" or "False" => false,
                _ => null,
            },
            AttributeType.DateTime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null,
            AttributeType.Uniqueidentifier or AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner =>
                Guid.TryParse(value, out var g) ? g : null,
            _ => text,
        };
        return converted ?? throw FetchXmlErrors.InvalidValue(attribute.LogicalName, text, Expected(attribute.Type));
    }

    private static string Expected(AttributeType type) => type switch
    {
        AttributeType.Integer or AttributeType.Picklist or AttributeType.State or AttributeType.Status => "integer",
        AttributeType.BigInt => "big integer",
        AttributeType.Decimal or AttributeType.Money or AttributeType.Double => "number",
        AttributeType.Boolean => "boolean (0, 1, true or false)",
        AttributeType.DateTime => "date and time",
        _ => "GUID",
    };
}
