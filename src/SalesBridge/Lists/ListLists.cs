using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>
/// The caller's lists with how many items each holds, system lists first. Not paged: a seat holder keeps a few
/// lists, and the pages need all of them for their filters and "Add to list" choices.
/// </summary>
public sealed class ListLists(SalesBridgeDbContext db, EnsureSystemLists ensureSystemLists) : IUseCase
{
    public sealed record Request
    {
        /// <summary>Only lists of leads or only lists of accounts.</summary>
        public SavedListKind? Kind { get; init; }
    }

    public async Task<IReadOnlyList<SavedListSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        await ensureSystemLists.HandleAsync(caller, cancellationToken);
        var lists = db.SavedLists.OwnedBy(caller);
        if (request.Kind is { } kind)
        {
            lists = lists.Where(list => list.Kind == kind);
        }

        var rows = await lists
            .Select(list => new SavedListSummary(list.Id, list.Name, list.Kind, list.SystemKey != null, list.Entries.Count, list.CreatedAt))
            .ToListAsync(cancellationToken);
        // Ordered here: names compare the same way on SQLite and PostgreSQL (their collations differ).
        return rows.OrderBy(list => list.Kind).ThenBy(list => !list.IsSystemList)
            .ThenBy(list => list.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
