using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// The FetchXML paging cookie (FetchXml: page results). Inside: <c>&lt;cookie page="1"&gt;</c> with, per order
/// column and the primary key, the <c>first</c> and <c>last</c> values of the page (GUIDs as <c>{UPPER}</c>).
/// The Web API wraps it as <c>&lt;cookie pagenumber="2" pagingcookie="..." istracking="False" /&gt;</c> with the
/// inner cookie URL-encoded twice.
/// </summary>
public static class FetchPagingCookie
{
    public static string Annotation(int nextPage, string innerCookie) =>
        new XElement("cookie",
            new XAttribute("pagenumber", nextPage),
            new XAttribute("pagingcookie", UrlEncode(UrlEncode(innerCookie))),
            new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);

    public static string Inner(int page, FetchOrdering ordering, TableDefinition table, object?[] first, object?[] last)
    {
        var cookie = new XElement("cookie", new XAttribute("page", page));
        for (var i = 0; i < ordering.Orders.Count; i++)
        {
            var element = new XElement(ordering.Orders[i].Attribute.LogicalName);
            if (last[i] is { } l) element.Add(new XAttribute("last", Text(l)));
            if (first[i] is { } f) element.Add(new XAttribute("first", Text(f)));
            cookie.Add(element);
        }
        cookie.Add(new XElement(table.PrimaryIdAttribute,
            new XAttribute("last", Text(last[^1]!)), new XAttribute("first", Text(first[^1]!))));
        return cookie.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The sort key of the last row of the page the cookie describes, or null when the cookie does not belong
    /// to the previous page (Dataverse then ignores it: "if you request nonconsecutive pages, the paging cookie
    /// value is ignored") or cannot be read.
    /// </summary>
    public static object?[]? LastKey(string cookie, int requestedPage, FetchOrdering ordering, TableDefinition table)
    {
        XElement root;
        try
        {
            root = XElement.Parse(cookie);
        }
        catch (XmlException)
        {
            return null;
        }
        if (!int.TryParse((string?)root.Attribute("page"), out var page) || page + 1 != requestedPage) return null;
        var key = new object?[ordering.Orders.Count + 1];
        var elements = root.Elements().ToList();
        for (var i = 0; i < ordering.Orders.Count; i++)
        {
            var order = ordering.Orders[i];
            var last = elements.FirstOrDefault(e => e.Name.LocalName == order.Attribute.LogicalName)?.Attribute("last")?.Value;
            key[i] = last is null ? null : ordering.SortsByText(order.Attribute) ? last : TryConvert(order.Attribute, last);
        }
        var id = elements.LastOrDefault(e => e.Name.LocalName == table.PrimaryIdAttribute)?.Attribute("last")?.Value;
        if (!Guid.TryParse(id, out var lastId)) return null;
        key[^1] = lastId;
        return key;
    }

    private static object? TryConvert(AttributeDefinition attribute, string text)
    {
        try
        {
            return FetchValues.Convert(attribute, text);
        }
        catch (Protocol.DataverseFault)
        {
            return null;
        }
    }

    private static string Text(object value) => value switch
    {
        Guid g => g.ToString("B").ToUpperInvariant(),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Percent-encodes all but RFC 3986's unreserved characters, with lower-case hex as Dataverse writes it.
    public static string UrlEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
