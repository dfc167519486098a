using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Paging;

/// <summary>
/// Which page of a list the caller wants: 1-based, at most <see cref="MaxPageSize"/> rows. Requests for lists
/// derive from it; both values are optional (query strings leave them out).
/// </summary>
public record PageRequest
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [Range(1, 1_000_000, ErrorMessage = "page must be 1 or more.")]
    public int? Page { get; init; }

    [Range(1, MaxPageSize, ErrorMessage = "pageSize must be between 1 and 200.")]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;
    public int Skip => (PageNumber - 1) * Size;
}
