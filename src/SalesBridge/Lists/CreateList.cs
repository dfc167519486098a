using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>Makes a new list of leads or of accounts for the caller; names are unique per kind.</summary>
public sealed class CreateList(SalesBridgeDbContext db, TimeProvider time, EnsureSystemLists ensureSystemLists) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "name is required.")]
        [StringLength(SavedList.MaxNameLength, ErrorMessage = "name must be at most 100 characters.")]
        public string? Name { get; init; }

        [Required(ErrorMessage = "kind is required: Leads or Accounts.")]
        [EnumDataType(typeof(SavedListKind), ErrorMessage = "kind must be Leads or Accounts.")]
        public SavedListKind? Kind { get; init; }
    }

    /// <exception cref="ConflictException">The caller already has a list of this kind with this name.</exception>
    public async Task<SavedListSummary> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var name = request.Name!.Trim();
        var kind = request.Kind!.Value;
        // The system lists hold their names, so a user list cannot take one before they exist.
        await ensureSystemLists.HandleAsync(caller, cancellationToken);
        await db.RequireNameFreeAsync(caller, kind, name, exceptListId: null, cancellationToken);

        var list = new SavedList { ContractId = caller.ContractId, OwnerId = caller.UserId, Name = name, Kind = kind, CreatedAt = time.GetUtcNow() };
        db.SavedLists.Add(list);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"You already have a list of {kind.ToString().ToLowerInvariant()} named \"{name}\". Choose another name.");
        }

        return new SavedListSummary(list.Id, list.Name, list.Kind, IsSystemList: false, EntryCount: 0, list.CreatedAt);
    }
}
