using Microsoft.AspNetCore.Http.HttpResults;
using SalesBridge.Access;
using SalesBridge.Accounts;
using SalesBridge.CrmRecords;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Accounts;

/// <summary>The seat holder's saved accounts: directory companies they keep track of and CRM accounts the import brings in.</summary>
internal static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("", (Caller caller, [AsParameters] ListSavedAccounts.Request request, ListSavedAccounts list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's saved accounts, newest first; listId keeps those on one list, query matches name, website, industry or place; unmatched=true keeps CRM accounts tied to no workspace company.")
            .Produces<Page<SavedAccountSummary>>();
        accounts.MapPost("", async Task<Results<Created<SavedAccountSummary>, Ok<SavedAccountSummary>>> (Caller caller, SaveAccount.Request request, SaveAccount save, CancellationToken cancellationToken) =>
            {
                var result = await save.HandleAsync(caller, request, cancellationToken);
                return result.Created
                    ? TypedResults.Created($"{ApiV1.BasePath}/accounts/{result.Account.Id}", result.Account)
                    : TypedResults.Ok(result.Account);
            })
            .WithSummary("Save a directory company as an account (201), optionally onto lists of accounts; an already saved company answers 200 with the existing account.");
        accounts.MapGet("/{savedAccountId:guid}", (Caller caller, Guid savedAccountId, GetSavedAccount get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, savedAccountId, cancellationToken))
            .WithSummary("One of the caller's saved accounts.");
        accounts.MapDelete("/{savedAccountId:guid}", async Task<Results<NoContent, Ok<SavedAccountSummary>>> (Caller caller, Guid savedAccountId, UnsaveAccount unsave, GetSavedAccount get, CancellationToken cancellationToken) =>
            {
                var outcome = await unsave.HandleAsync(caller, savedAccountId, cancellationToken);
                return outcome == UnsaveOutcome.Removed
                    ? TypedResults.NoContent()
                    : TypedResults.Ok(await get.HandleAsync(caller, savedAccountId, cancellationToken));
            })
            .WithSummary("Stop keeping an account; it leaves every list it was on (204). An account an open CRM opportunity brings in is refused (409) "
                + "unless it was also saved by hand: then it is no longer saved by hand, leaves the caller's own lists and stays on My CRM Accounts (200, the account).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
