using Microsoft.AspNetCore.Http.HttpResults;
using SalesBridge.Access;
using SalesBridge.Lists;

namespace SalesBridge.Web.Api.Lists;

/// <summary>The seat holder's lists of saved leads and saved accounts, and what is on them.</summary>
internal static class ListsApi
{
    public static void MapListsApi(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/lists").WithTags("Lists");
        lists.MapGet("", (Caller caller, [AsParameters] ListLists.Request request, ListLists list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's lists with their entry counts, system lists (filled by the CRM import) included; kind=Leads or Accounts filters.")
            .Produces<IReadOnlyList<SavedListSummary>>();
        lists.MapPost("", async (Caller caller, CreateList.Request request, CreateList create, CancellationToken cancellationToken) =>
            {
                var created = await create.HandleAsync(caller, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/lists/{created.Id}", created);
            })
            .WithSummary("Make a list of leads or of accounts; names are unique per kind (409 when taken).");
        lists.MapPatch("/{listId:guid}", (Caller caller, Guid listId, RenameList.Request request, RenameList rename, CancellationToken cancellationToken) =>
                rename.HandleAsync(caller, listId, request, cancellationToken))
            .WithSummary("Rename one of the caller's own lists; system lists answer 409.");
        lists.MapDelete("/{listId:guid}", async (Caller caller, Guid listId, DeleteList delete, CancellationToken cancellationToken) =>
            {
                await delete.HandleAsync(caller, listId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete one of the caller's own lists; the leads or accounts on it stay saved. System lists answer 409.");

        lists.MapPost("/{listId:guid}/entries", async Task<Results<Created<ListEntry>, Ok<ListEntry>>> (Caller caller, Guid listId, AddToList.Request request, AddToList add, CancellationToken cancellationToken) =>
            {
                var result = await add.HandleAsync(caller, listId, request, cancellationToken);
                return result.Added
                    ? TypedResults.Created($"{ApiV1.BasePath}/lists/{listId}/entries/{result.Entry.SavedItemId}", result.Entry)
                    : TypedResults.Ok(result.Entry);
            })
            .WithSummary("Put a saved lead (savedLeadId) on a list of leads, or a saved account (savedAccountId) on a list of accounts; 200 when it was already there.");
        lists.MapDelete("/{listId:guid}/entries/{savedItemId:guid}", async (Caller caller, Guid listId, Guid savedItemId, RemoveFromList remove, CancellationToken cancellationToken) =>
            {
                await remove.HandleAsync(caller, listId, savedItemId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Take a saved lead or saved account off a list; it stays saved.");
    }
}
