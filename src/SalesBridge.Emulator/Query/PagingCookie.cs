using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The <c>$skiptoken</c> of a next link, shaped like Dataverse's:
/// <c>&lt;cookie pagenumber="2" pagingcookie="..." istracking="False" /&gt;</c>, where the paging cookie (URL-encoded
/// twice) holds the last row's sort values and primary key: <c>&lt;cookie page="1"&gt;&lt;name last="..." /&gt;
/// &lt;accountid last="{...}" first="{...}" /&gt;&lt;/cookie&gt;</c>.
/// </summary>
internal static class PagingCookie
{
    /// <summary>
    /// The skip token for the page after <paramref name="last"/>. A change-tracking read passes the delta token its last
    /// page will hand out, which the cookie carries (<c>istracking="True"</c>) so that every page agrees on it.
    /// </summary>
    public static string Create(int pageNumber, RowOrder order, TableDefinition table, PagePosition last, Guid firstId,
        string? trackingToken = null)
    {
        var inner = new XElement("cookie", new XAttribute("page", pageNumber));
        for (var i = 0; i < order.Keys.Count; i++)
        {
            var element = new XElement(order.Keys[i].Column.LogicalName);
            if (last.Values[i] is { } value) element.Add(new XAttribute("last", Format(value)));
            else element.Add(new XAttribute("lastnull", "1"));
            inner.Add(element);
        }
        inner.Add(new XElement(table.PrimaryIdAttribute,
            new XAttribute("last", Braced(last.LastId)), new XAttribute("first", Braced(firstId))));
        // Dataverse's inner encoding uses lower-case hex ("%3ccookie%20page%3d..."), as the docs' examples show.
        var pagingCookie = Uri.EscapeDataString(NextLink.LowerHex(Uri.EscapeDataString(inner.ToString(SaveOptions.DisableFormatting))));
        return Outer(pageNumber + 1, pagingCookie, trackingToken);
    }

    /// <summary>The outer cookie Dataverse puts in <c>$skiptoken</c>, around an already encoded paging cookie.</summary>
    public static string Outer(int pageNumber, string pagingCookie, string? trackingToken)
    {
        var outer = new XElement("cookie", new XAttribute("pagenumber", pageNumber), new XAttribute("pagingcookie", pagingCookie),
            new XAttribute("istracking", trackingToken is null ? "False" : "True"));
        if (trackingToken is not null) outer.Add(new XAttribute("deltatoken", trackingToken));
        return outer.ToString(SaveOptions.DisableFormatting).Replace("\"/>", "\" />", StringComparison.Ordinal);
    }

    /// <summary>The delta token a change-tracking skip token carries, or null when it carries none.</summary>
    public static string? TrackingToken(string token)
    {
        try
        {
            return XElement.Parse(token).Attribute("deltatoken")?.Value;
        }
        catch (XmlException)
        {
            throw QueryErrors.BadSkipToken("it is not a well-formed cookie.");
        }
    }

    /// <summary>Reads a skip token back into the page number and resume position; anything else is a 400.</summary>
    public static (int PageNumber, PagePosition Position) Read(string token, RowOrder order, TableDefinition table)
    {
        XElement outer, inner;
        try
        {
            outer = XElement.Parse(token);
            var cookie = outer.Attribute("pagingcookie")?.Value ?? throw QueryErrors.BadSkipToken("it has no pagingcookie.");
            inner = XElement.Parse(Uri.UnescapeDataString(Uri.UnescapeDataString(cookie)));
        }
        catch (XmlException)
        {
            throw QueryErrors.BadSkipToken("it is not a well-formed cookie.");
        }
        if (outer.Name != "cookie" || inner.Name != "cookie"
            || !int.TryParse(outer.Attribute("pagenumber")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pageNumber)
            || pageNumber < 2)
        {
            throw QueryErrors.BadSkipToken("it has no valid page number.");
        }
        var elements = inner.Elements().ToArray();
        if (elements.Length != order.Keys.Count + 1)
        {
            throw QueryErrors.BadSkipToken("it does not match the query's $orderby.");
        }
        var values = new object?[order.Keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var column = order.Keys[i].Column;
            if (elements[i].Name != column.LogicalName) throw QueryErrors.BadSkipToken("it does not match the query's $orderby.");
            values[i] = elements[i].Attribute("lastnull")?.Value == "1" ? null : Parse(column, elements[i].Attribute("last")?.Value);
        }
        var key = elements[^1];
        if (key.Name != table.PrimaryIdAttribute || !Guid.TryParse(key.Attribute("last")?.Value, out var lastId))
        {
            throw QueryErrors.BadSkipToken($"it has no last {table.PrimaryIdAttribute}.");
        }
        return (pageNumber, new PagePosition(values, lastId));
    }

    private static string Braced(Guid id) => "{" + id.ToString("D").ToUpperInvariant() + "}";

    private static string Format(object value) => value switch
    {
        Guid id => Braced(id),
        DateTimeOffset date => date.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object Parse(AttributeDefinition column, string? text)
    {
        if (text is null) throw QueryErrors.BadSkipToken($"it has no value for {column.LogicalName}.");
        var invariant = CultureInfo.InvariantCulture;
        object? value = EdmModelFactory.PrimitiveKind(column.Type) switch
        {
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Guid => Guid.TryParse(text, out var g) ? g : null,
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Int32 => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Int64 => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Decimal => decimal.TryParse(text, NumberStyles.Number, invariant, out var m) ? m : null,
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Double => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.Boolean => text switch { "1" => true, "0" => false, _ => null },
            Microsoft.OData.Edm.EdmPrimitiveTypeKind.DateTimeOffset =>
                DateTimeOffset.TryParse(text, invariant, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            _ => text,
        };
        return value ?? throw QueryErrors.BadSkipToken($"its value for {column.LogicalName} is not valid.");
    }
}
