using Microsoft.AspNetCore.Http.HttpResults;
using SalesBridge.Access;
using SalesBridge.CrmRecords;
using SalesBridge.Leads;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Leads;

/// <summary>The seat holder's saved leads: directory people they keep track of and CRM contacts the import brings in.</summary>
internal static class LeadsApi
{
    public static void MapLeadsApi(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Leads");
        leads.MapGet("", (Caller caller, [AsParameters] ListSavedLeads.Request request, ListSavedLeads list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's saved leads, newest first; listId keeps those on one list, query matches name, title, company or place; unmatched=true keeps CRM contacts tied to no workspace person.")
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
        leads.MapDelete("/{savedLeadId:guid}", async Task<Results<NoContent, Ok<SavedLeadSummary>>> (Caller caller, Guid savedLeadId, UnsaveLead unsave, GetSavedLead get, CancellationToken cancellationToken) =>
            {
                var outcome = await unsave.HandleAsync(caller, savedLeadId, cancellationToken);
                return outcome == UnsaveOutcome.Removed
                    ? TypedResults.NoContent()
                    : TypedResults.Ok(await get.HandleAsync(caller, savedLeadId, cancellationToken));
            })
            .WithSummary("Stop keeping a lead; it leaves every list it was on (204). A lead an open CRM opportunity brings in is refused (409) "
                + "unless it was also saved by hand: then it is no longer saved by hand, leaves the caller's own lists and stays on My CRM Leads (200, the lead).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
