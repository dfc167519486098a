using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Leads;

/// <summary>
/// Saves a directory person as the caller's lead, optionally onto some of their lists of leads. Saving a person
/// already saved, by hand or by the CRM import, keeps the one saved lead (now marked as saved by hand, so a CRM sync
/// never removes it; unique per seat holder and person).
/// </summary>
public sealed class SaveLead(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxListIds = 50;

    public sealed record Request
    {
        [Required(ErrorMessage = "personId is required.")]
        public Guid? PersonId { get; init; }

        [MaxLength(MaxListIds, ErrorMessage = "listIds can name at most 50 lists.")]
        public IReadOnlyList<Guid>? ListIds { get; init; }
    }

    /// <param name="Created">False when the person was already saved.</param>
    public sealed record Result(SavedLeadSummary Lead, bool Created);

    /// <exception cref="NotFoundException">No such person in the caller's contract, or a list that is not the caller's.</exception>
    public async Task<Result> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var personId = request.PersonId!.Value;
        if (!await db.People.AnyAsync(person => person.Id == personId && person.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("Person", personId);
        }

        var listIds = await db.RequireUserListsOfKindAsync(caller, request.ListIds, SavedListKind.Leads, cancellationToken);
        bool created;
        try
        {
            created = await SaveAsync(caller, personId, listIds, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person saved twice at once: the other request made the row; this one now finds it.
            db.ChangeTracker.Clear();
            await SaveAsync(caller, personId, listIds, cancellationToken);
            created = false;
        }

        var savedLeadId = await db.SavedLeads.OwnedBy(caller).Where(lead => lead.PersonId == personId).Select(lead => lead.Id).SingleAsync(cancellationToken);
        return new Result(await db.ReadMineAsync(caller, savedLeadId, cancellationToken), created);
    }

    private async Task<bool> SaveAsync(Caller caller, Guid personId, IReadOnlyList<Guid> listIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lead = await db.SavedLeads.OwnedBy(caller).SingleOrDefaultAsync(l => l.PersonId == personId, cancellationToken);
        var created = lead is null;
        if (lead is null)
        {
            lead = new SavedLead { ContractId = caller.ContractId, OwnerId = caller.UserId, PersonId = personId, SavedAt = now };
            db.SavedLeads.Add(lead);
        }

        lead.SavedByHand = true;
        var onLists = created
            ? []
            : await db.SavedListEntries.Where(entry => entry.SavedLeadId == lead.Id).Select(entry => entry.ListId).ToListAsync(cancellationToken);
        db.SavedListEntries.AddRange(listIds.Except(onLists)
            .Select(listId => new SavedListEntry { ListId = listId, SavedLeadId = lead.Id, AddedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
