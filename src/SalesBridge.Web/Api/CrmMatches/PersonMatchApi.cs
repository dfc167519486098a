using SalesBridge.Access;
using SalesBridge.CrmMatches;

namespace SalesBridge.Web.Api.CrmMatches;

/// <summary>
/// Matching from a person's side, for the unresolved task report (S15, S17): find the CRM contact the person is and tie it,
/// or create one. Admins for anyone in the contract; seat holders for people they saved or wrote back items about.
/// </summary>
internal static class PersonMatchApi
{
    /// <summary>The CRM contact to tie the person to: the record id the search answered.</summary>
    public sealed record PersonMatchRequest(Guid? CrmContactRecordId);

    public static void MapPersonMatchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/crm/contacts", (Caller caller, [AsParameters] SearchCrmContacts.Request request, SearchCrmContacts search, CancellationToken cancellationToken) =>
                search.HandleAsync(caller, request, cancellationToken))
            .WithTags("CRM matches")
            .WithSummary($"The contract's CRM contacts whose name, email, title, company or city hold every word of q (at most {SearchCrmContacts.MaxResults}).")
            .Produces<IReadOnlyList<SearchCrmContacts.Result>>();

        var person = api.MapGroup("/people/{personId:guid}").WithTags("People");
        person.MapPut("/crm-match", (Caller caller, Guid personId, PersonMatchRequest request, EditContactMatch edit, CancellationToken cancellationToken) =>
                edit.HandleForPersonAsync(caller, personId,
                    request.CrmContactRecordId is { } id && id != Guid.Empty ? id
                        : throw new Errors.RequestValidationException("crmContactRecordId", "crmContactRecordId is required: the CRM contact (from GET /crm/contacts) this person is."),
                    cancellationToken))
            .WithSummary("Edit match from the person: tie the CRM contact given to this person. Items written back open for the person are then "
                + "re-linked to it and completed; 409 names the record when someone chose it or the person for another match.")
            .Produces<CrmMatchView>().ProducesProblem(StatusCodes.Status409Conflict);
        person.MapPost("/crm-record", async (Caller caller, Guid personId, CreateRecordRequest? request, CreateCrmContact create, CancellationToken cancellationToken) =>
            {
                var match = await create.HandleForPersonAsync(caller, personId, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/people/{personId}", match);
            })
            .WithSummary("Create record from the person: make them a contact in the CRM (with the parent account when their company is in the CRM) and tie it; "
                + "items written back open for them are then re-linked and completed. Safe to repeat. 409 when the person has a contact or the CRM has one "
                + "like it (the body's `existing` names it; createAnyway: true creates all the same).")
            .Produces<CrmMatchView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
