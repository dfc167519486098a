using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Leads;

/// <summary>The caller's saved leads, newest first, optionally those on one list, matching search words, or (un)matched.</summary>
public sealed class ListSavedLeads(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        /// <summary>Only leads on this list of the caller.</summary>
        public Guid? ListId { get; init; }

        [StringLength(DirectorySearchText.MaxTermLength, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }

        /// <summary>True: only those from the CRM that matching tied to no workspace person; false: only tied ones.</summary>
        public bool? Unmatched { get; init; }
    }

    /// <exception cref="NotFoundException">The list is not one of the caller's lists of leads.</exception>
    public async Task<Page<SavedLeadSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var leads = db.SavedLeads.OwnedBy(caller);
        if (request.ListId is { } listId)
        {
            await db.RequireMineOfKindAsync(caller, listId, SavedListKind.Leads, cancellationToken);
            leads = leads.Where(lead => db.SavedListEntries.Any(entry => entry.ListId == listId && entry.SavedLeadId == lead.Id));
        }

        if (request.Unmatched is { } unmatched)
        {
            leads = unmatched ? leads.Where(lead => lead.PersonId == null) : leads.Where(lead => lead.PersonId != null);
        }

        foreach (var term in DirectorySearchText.Terms(request.Query))
        {
            leads = leads.Where(lead => lead.Person != null ? lead.Person.SearchText.Contains(term) : lead.CrmContact!.SearchText.Contains(term));
        }

        var page = await leads
            .OrderByDescending(lead => lead.SavedAt).ThenByDescending(lead => lead.Id)
            .ToSummaries()
            .ToPageAsync(request, cancellationToken);
        return await page.WithListsAndCrmLinksAsync(db, caller, cancellationToken);
    }
}
