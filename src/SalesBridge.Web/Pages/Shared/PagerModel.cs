using Microsoft.AspNetCore.WebUtilities;

namespace SalesBridge.Web.Pages.Shared;

/// <summary>What the pager partial needs: where we are, and the page's URL with its other query values kept.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int TotalCount, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public static PagerModel For<T>(SalesBridge.Paging.Page<T> page, HttpRequest request) => new(
        page.PageNumber, page.PageCount, page.TotalCount, request.Path,
        request.Query.Where(pair => pair.Key != "page").ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString()));

    public string UrlFor(int pageNumber) =>
        QueryHelpers.AddQueryString(Path, Query.Append(new KeyValuePair<string, string?>("page", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
