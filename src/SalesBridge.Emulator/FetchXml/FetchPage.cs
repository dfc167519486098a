using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>One page of a FetchXML result, with what the Web API says about the rest.</summary>
public sealed record FetchPage(
    IReadOnlyList<FetchResultRow> Rows,
    bool MoreRecords,
    string? PagingCookie,
    int TotalRecordCount)
{
    /// <summary>Simple paging (page numbers without a cookie) cannot reach past this many rows (FetchXml: page results).</summary>
    public const int SimplePagingLimit = 50000;

    public static FetchPage Run(FetchQuery query, EmulatedOrg org, Caller caller)
    {
        var rows = new FetchJoins(org, caller).Rows(query.Entity);
        if (query.Distinct) rows = Distinct(rows, query);
        var ordering = new FetchOrdering(query, org.Store);
        ordering.Sort(rows);

        if (query.Top is { } top) return new FetchPage(rows.Take(top).ToList(), false, null, rows.Count);

        var size = query.Count ?? FetchXmlParser.MaxPageSize;
        var page = query.Page ?? 1;
        var start = StartOf(query, ordering, rows, page, size);
        var slice = rows.Skip(start).Take(size).ToList();
        var more = start + slice.Count < rows.Count;
        string? cookie = null;
        if (more && ordering.SupportsPagingCookie && slice.Count > 0)
        {
            var inner = FetchPagingCookie.Inner(page, ordering, query.Entity.Table, ordering.KeyOf(slice[0]), ordering.KeyOf(slice[^1]));
            cookie = FetchPagingCookie.Annotation(page + 1, inner);
        }
        return new FetchPage(slice, more, cookie, rows.Count);
    }

    private static int StartOf(FetchQuery query, FetchOrdering ordering, List<FetchResultRow> rows, int page, int size)
    {
        if (query.PagingCookie is { } cookie && ordering.SupportsPagingCookie
            && FetchPagingCookie.LastKey(cookie, page, ordering, query.Entity.Table) is { } last)
        {
            // Resume after the cookie's last row, even if rows were added or removed since the previous page.
            var index = rows.FindIndex(r => ordering.Compare(ordering.KeyOf(r), last) > 0);
            return index < 0 ? rows.Count : index;
        }
        if ((long)page * size > SimplePagingLimit)
        {
            // The limit is documented; Dataverse's error text for it is not, so this one says what to do.
            throw FetchXmlErrors.Invalid(
                $"Simple paging cannot return rows beyond the first {SimplePagingLimit:N0} (page {page} with count {size}). " +
                "Use the paging cookie returned with the previous page.", FetchXmlErrors.InvalidPaging);
        }
        return (page - 1) * size;
    }

    private static List<FetchResultRow> Distinct(List<FetchResultRow> rows, FetchQuery query)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return rows.Where(r => seen.Add(string.Join('\u001f', FetchColumns.Projected(query, r)
            .Select(c => Convert.ToString(ConditionEvaluator.Normalize(c.Value), System.Globalization.CultureInfo.InvariantCulture)))))
            .ToList();
    }
}
