using Microsoft.AspNetCore.Http.HttpResults;
using SalesBridge.Access;
using SalesBridge.Leads;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Leads;

/// <summary>The seat holder's saved leads: directory people they keep track of.</summary>
internal static class LeadsApi
{
    public static void MapLeadsApi(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Leads");
        leads.MapGet("", (Caller caller, [AsParameters] ListSavedLeads.Request request, ListSavedLeads list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's saved leads, newest first; listId keeps those on one list, query matches name, title, company or place.")
            .Produces<Page<SavedLeadSummary>>();
        leads.MapPost("", async Task<Results<Created<SavedLeadSummary>, Ok<SavedLeadSummary>>> (Caller caller, SaveLead.Request request, SaveLead save, CancellationToken cancellationToken) =>
            {
                var result = await save.HandleAsync(caller, request, cancellationToken);
                return result.Created
                    ? TypedResults.Created($"{ApiV1.BasePath}/leads/{result.Lead.Id}", result.Lead)
                    : TypedResults.Ok(result.Lead);
            })
            .WithSummary("Save a directory person as a lead (201), optionally onto lists of leads; an already saved person answers 200 with the existing lead.");
        leads.MapGet("/{savedLeadId:guid}", (Caller caller, Guid savedLeadId, GetSavedLead get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, savedLeadId, cancellationToken))
            .WithSummary("One of the caller's saved leads.");
        leads.MapDelete("/{savedLeadId:guid}", async (Caller caller, Guid savedLeadId, UnsaveLead unsave, CancellationToken cancellationToken) =>
            {
                await unsave.HandleAsync(caller, savedLeadId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop keeping a lead; it leaves every list it was on.");
    }
}
