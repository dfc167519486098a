using SalesBridge.Access;
using SalesBridge.CrmMatches;

namespace SalesBridge.Web.Api.CrmMatches;

/// <summary>
/// Matching in the product (SPEC S11, B5): a seat holder reads and edits the match of their saved leads and accounts and
/// creates a lead's contact or an account's account in the CRM; an admin reads the match report (paged, or all of it as CSV) and edits any
/// record's match. Another contract's ids answer 404; a seat holder on the admin routes 403.
/// </summary>
internal static class MatchesApi
{
    public const string AdminPath = "/admin/crm/matches";

    public static void MapCrmMatchesApi(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads/{savedLeadId:guid}").WithTags("Leads");
        leads.MapGet("/match", (Caller caller, Guid savedLeadId, GetLeadMatch get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, savedLeadId, cancellationToken))
            .WithSummary("The lead's CRM contact and why it is tied (state, score, summary), or whether Create record can make one.")
            .Produces<SavedItemMatch>();
        leads.MapPut("/match", (Caller caller, Guid savedLeadId, EditMatchRequest request, EditLeadMatch edit, CancellationToken cancellationToken) =>
                edit.HandleAsync(caller, savedLeadId, request, cancellationToken))
            .WithSummary("Edit match: tie the lead's CRM contact to another workspace person (counterpartId) or to none (noMatch: true). Every saved lead "
                + "of the contact follows at once; 409 names the record when someone chose the person for another CRM contact.")
            .Produces<CrmMatchView>().ProducesProblem(StatusCodes.Status409Conflict);
        leads.MapPost("/crm-record", async (Caller caller, Guid savedLeadId, CreateRecordRequest? request, CreateCrmContact create, CancellationToken cancellationToken) =>
            {
                var match = await create.HandleAsync(caller, savedLeadId, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/leads/{savedLeadId}/match", match);
            })
            .WithSummary("Create record: make the lead's person a contact in the CRM (with its parent account when the company is in the CRM) and tie it. "
                + "Safe to repeat: a retry never makes a second contact. 403 with the privilege when the CRM refuses; 409 when the lead has a contact, or when "
                + "the CRM already has a contact with the person's email or name under the same account (the body's `existing` names it; send createAnyway: true to create all the same).")
            .Produces<CrmMatchView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var accounts = api.MapGroup("/accounts/{savedAccountId:guid}").WithTags("Accounts");
        accounts.MapGet("/match", (Caller caller, Guid savedAccountId, GetAccountMatch get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, savedAccountId, cancellationToken))
            .WithSummary("The account's CRM account and why it is tied (state, score, summary).")
            .Produces<SavedItemMatch>();
        accounts.MapPut("/match", (Caller caller, Guid savedAccountId, EditMatchRequest request, EditSavedAccountMatch edit, CancellationToken cancellationToken) =>
                edit.HandleAsync(caller, savedAccountId, request, cancellationToken))
            .WithSummary("Edit match: tie the account's CRM account to another workspace company (counterpartId) or to none (noMatch: true).")
            .Produces<CrmMatchView>().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/crm-record", async (Caller caller, Guid savedAccountId, CreateRecordRequest? request, CreateCrmAccount create, CancellationToken cancellationToken) =>
            {
                var match = await create.HandleAsync(caller, savedAccountId, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/accounts/{savedAccountId}/match", match);
            })
            .WithSummary("Create record: make the account's company an account in the CRM and tie it. Safe to repeat: a retry never makes a second account. "
                + "403 with the privilege when the CRM refuses; 409 when the account has a CRM account, or when the CRM already has an account with the company's "
                + "name or website domain (the body's `existing` names it; send createAnyway: true to create all the same).")
            .Produces<CrmMatchView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        MapAdmin(api.MapGroup(AdminPath).WithTags("Admin: CRM matches"));
        MapCsv(api);
    }

    private static void MapAdmin(RouteGroupBuilder matches)
    {
        matches.MapGet("", (Caller caller, [AsParameters] ListMatchReport.Request request, ListMatchReport list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("Every CRM contact and account with its match, unmatched first; state=unmatched|matched|chosen, kind=contact|account, paged; totals per kind.")
            .Produces<MatchReport>();
        matches.MapGet("/contacts/{contactRecordId:guid}", (Caller caller, Guid contactRecordId, GetRecordMatch get, CancellationToken cancellationToken) =>
            {
                caller.RequireContractAdmin();
                return get.HandleAsync(caller, CrmRecordKind.Contact, contactRecordId, cancellationToken);
            })
            .WithSummary("One CRM contact's match.")
            .Produces<CrmMatchView>();
        matches.MapGet("/accounts/{accountRecordId:guid}", (Caller caller, Guid accountRecordId, GetRecordMatch get, CancellationToken cancellationToken) =>
            {
                caller.RequireContractAdmin();
                return get.HandleAsync(caller, CrmRecordKind.Account, accountRecordId, cancellationToken);
            })
            .WithSummary("One CRM account's match.")
            .Produces<CrmMatchView>();
        matches.MapPut("/contacts/{contactRecordId:guid}", (Caller caller, Guid contactRecordId, EditMatchRequest request, EditContactMatch edit, CancellationToken cancellationToken) =>
            {
                caller.RequireContractAdmin();
                return edit.HandleAsync(caller, contactRecordId, request, cancellationToken);
            })
            .WithSummary("Edit match on any CRM contact of the contract: counterpartId (a person) or noMatch: true.")
            .Produces<CrmMatchView>().ProducesProblem(StatusCodes.Status409Conflict);
        matches.MapPut("/accounts/{accountRecordId:guid}", (Caller caller, Guid accountRecordId, EditMatchRequest request, EditAccountMatch edit, CancellationToken cancellationToken) =>
            {
                caller.RequireContractAdmin();
                return edit.HandleAsync(caller, accountRecordId, request, cancellationToken);
            })
            .WithSummary("Edit match on any CRM account of the contract: counterpartId (a company) or noMatch: true.")
            .Produces<CrmMatchView>().ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Beside the group: a group route cannot end in ".csv" without a slash before it.</summary>
    private static void MapCsv(RouteGroupBuilder api) =>
        api.MapGet(AdminPath + ".csv", (Caller caller, [AsParameters] ExportMatchReport.Request request, ExportMatchReport export, HttpContext http) =>
            {
                var write = export.Handle(caller, request);
                return Results.Stream(stream => write(stream, http.RequestAborted), "text/csv; charset=utf-8", "crm-matches.csv");
            })
            .WithTags("Admin: CRM matches").WithSummary("The same report as CSV, every row (no cap), streamed; same filters.");
}
