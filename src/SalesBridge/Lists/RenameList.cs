using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>Gives one of the caller's own lists a new name; system lists keep theirs.</summary>
public sealed class RenameList(SalesBridgeDbContext db, EnsureSystemLists ensureSystemLists) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "name is required.")]
        [StringLength(SavedList.MaxNameLength, ErrorMessage = "name must be at most 100 characters.")]
        public string? Name { get; init; }
    }

    /// <exception cref="NotFoundException">No such list of the caller.</exception>
    /// <exception cref="ConflictException">A system list, or the name is taken.</exception>
    public async Task<SavedListSummary> HandleAsync(Caller caller, Guid listId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var name = request.Name!.Trim();
        await ensureSystemLists.HandleAsync(caller, cancellationToken);
        var list = await db.FindMineAsync(caller, listId, cancellationToken);
        SavedListQueries.RequireUserList(list);
        await db.RequireNameFreeAsync(caller, list.Kind, name, exceptListId: list.Id, cancellationToken);

        list.Name = name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"You already have a list of {list.Kind.ToString().ToLowerInvariant()} named \"{name}\". Choose another name.");
        }

        var entryCount = await db.SavedListEntries.CountAsync(entry => entry.ListId == list.Id, cancellationToken);
        return new SavedListSummary(list.Id, list.Name, list.Kind, IsSystemList: false, entryCount, list.CreatedAt);
    }
}
