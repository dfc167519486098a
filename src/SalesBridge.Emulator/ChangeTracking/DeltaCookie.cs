using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SalesBridge.Emulator.Query;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// The <c>$skiptoken</c> of a delta page, in the shape of Dataverse's paging cookies:
/// <c>&lt;cookie pagenumber="2" pagingcookie="..." istracking="True" deltatoken="..." /&gt;</c>. The paging cookie holds
/// the resume position (<c>&lt;cookie page="1"&gt;&lt;versionnumber last="..." deleted="0" /&gt;&lt;/cookie&gt;</c>);
/// the delta token is the one the last page will hand out, fixed on the first page so every page agrees on it.
/// </summary>
internal static class DeltaCookie
{
    public static string Create(int pageNumber, DeltaPosition next, string nextToken)
    {
        var inner = new XElement("cookie", new XAttribute("page", pageNumber),
            new XElement("versionnumber", new XAttribute("last", next.LastVersion), new XAttribute("deleted", next.InDeletions ? "1" : "0")));
        var pagingCookie = Uri.EscapeDataString(NextLink.LowerHex(Uri.EscapeDataString(inner.ToString(SaveOptions.DisableFormatting))));
        return PagingCookie.Outer(pageNumber + 1, pagingCookie, nextToken);
    }

    public static (int PageNumber, DeltaPosition Position, string NextToken) Read(string token)
    {
        try
        {
            var outer = XElement.Parse(token);
            var inner = XElement.Parse(Uri.UnescapeDataString(Uri.UnescapeDataString(outer.Attribute("pagingcookie")?.Value ?? "")));
            var version = inner.Element("versionnumber");
            if (int.TryParse(outer.Attribute("pagenumber")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                && outer.Attribute("deltatoken")?.Value is { } nextToken
                && long.TryParse(version?.Attribute("last")?.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var last))
            {
                return (page, new DeltaPosition(version!.Attribute("deleted")?.Value == "1", last), nextToken);
            }
        }
        catch (XmlException)
        {
            // Falls through to the error below.
        }
        throw QueryErrors.BadSkipToken("it is not the cookie of a change-tracking page.");
    }
}
