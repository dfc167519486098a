using Microsoft.EntityFrameworkCore;

namespace SalesBridge.Paging;

/// <summary>One page of a longer list, with what a client needs to ask for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public bool HasMore => (long)PageNumber * PageSize < TotalCount;
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

public static class PageQueries
{
    /// <summary>Counts the query and reads the requested page of it; the query must already be ordered.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, request.PageNumber, request.Size, total);
    }
}
