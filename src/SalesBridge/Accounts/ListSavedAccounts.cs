using System.ComponentModel.DataAnnotations;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Accounts;

/// <summary>The caller's saved accounts, newest first, optionally those on one list, matching search words, or (un)matched.</summary>
public sealed class ListSavedAccounts(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        /// <summary>Only accounts on this list of the caller.</summary>
        public Guid? ListId { get; init; }

        [StringLength(DirectorySearchText.MaxTermLength, ErrorMessage = "query must be at most 100 characters.")]
        public string? Query { get; init; }

        /// <summary>True: only those from the CRM that matching tied to no workspace company; false: only tied ones.</summary>
        public bool? Unmatched { get; init; }
    }

    /// <exception cref="NotFoundException">The list is not one of the caller's lists of accounts.</exception>
    public async Task<Page<SavedAccountSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var accounts = db.SavedAccounts.OwnedBy(caller);
        if (request.ListId is { } listId)
        {
            await db.RequireMineOfKindAsync(caller, listId, SavedListKind.Accounts, cancellationToken);
            accounts = accounts.Where(account => db.SavedListEntries.Any(entry => entry.ListId == listId && entry.SavedAccountId == account.Id));
        }

        if (request.Unmatched is { } unmatched)
        {
            accounts = unmatched ? accounts.Where(account => account.CompanyId == null) : accounts.Where(account => account.CompanyId != null);
        }

        foreach (var term in DirectorySearchText.Terms(request.Query))
        {
            accounts = accounts.Where(account => account.Company != null ? account.Company.SearchText.Contains(term) : account.CrmAccount!.SearchText.Contains(term));
        }

        var page = await accounts
            .OrderByDescending(account => account.SavedAt).ThenByDescending(account => account.Id)
            .ToSummaries()
            .ToPageAsync(request, cancellationToken);
        return await page.WithListsAndCrmLinksAsync(db, caller, cancellationToken);
    }
}
