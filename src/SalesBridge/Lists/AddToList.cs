using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Lists;

/// <summary>Puts one of the caller's saved leads on a list of leads, or a saved account on a list of accounts.</summary>
public sealed class AddToList(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    /// <summary>Exactly one id, the one the list's kind asks for.</summary>
    public sealed record Request
    {
        public Guid? SavedLeadId { get; init; }
        public Guid? SavedAccountId { get; init; }
    }

    public sealed record Result(ListEntry Entry, bool Added);

    /// <exception cref="NotFoundException">No such list or saved item of the caller.</exception>
    /// <exception cref="RequestValidationException">No id, or the id of the wrong kind for the list.</exception>
    /// <exception cref="ConflictException">A system list: the CRM import fills those.</exception>
    public async Task<Result> HandleAsync(Caller caller, Guid listId, Request request, CancellationToken cancellationToken)
    {
        caller.RequireSeat();
        var list = await db.FindMineAsync(caller, listId, cancellationToken);
        var itemId = RequireItemOfKind(list.Kind, request);
        if (list.IsSystemList)
        {
            throw new ConflictException(SavedListQueries.SystemListEntriesRefusal);
        }

        var itemExists = list.Kind == SavedListKind.Leads
            ? await db.SavedLeads.AnyAsync(lead => lead.Id == itemId && lead.ContractId == caller.ContractId && lead.OwnerId == caller.UserId, cancellationToken)
            : await db.SavedAccounts.AnyAsync(account => account.Id == itemId && account.ContractId == caller.ContractId && account.OwnerId == caller.UserId, cancellationToken);
        if (!itemExists)
        {
            throw new NotFoundException(list.Kind == SavedListKind.Leads ? "Saved lead" : "Saved account", itemId);
        }

        var existing = await db.SavedListEntries
            .Where(entry => entry.ListId == list.Id && (entry.SavedLeadId == itemId || entry.SavedAccountId == itemId))
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new Result(new ListEntry(list.Id, itemId, existing.AddedAt), Added: false);
        }

        var added = new SavedListEntry
        {
            ListId = list.Id, AddedAt = time.GetUtcNow(),
            SavedLeadId = list.Kind == SavedListKind.Leads ? itemId : null,
            SavedAccountId = list.Kind == SavedListKind.Accounts ? itemId : null,
        };
        db.SavedListEntries.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return new Result(new ListEntry(list.Id, itemId, added.AddedAt), Added: true);
    }

    private static Guid RequireItemOfKind(SavedListKind kind, Request request)
    {
        var (wanted, wantedName, other, otherName) = kind == SavedListKind.Leads
            ? (request.SavedLeadId, "savedLeadId", request.SavedAccountId, "savedAccountId")
            : (request.SavedAccountId, "savedAccountId", request.SavedLeadId, "savedLeadId");
        var listOf = kind == SavedListKind.Leads ? "leads" : "accounts";
        if (other is not null)
        {
            throw new RequestValidationException(otherName, $"{otherName} cannot go on a list of {listOf}; give {wantedName}.");
        }

        return wanted ?? throw new RequestValidationException(wantedName, $"{wantedName} is required for a list of {listOf}.");
    }
}
