using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmMatches;
using SalesBridge.Paging;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Web.Pages.Matches;

/// <summary>
/// Edit match (SPEC S11) for one CRM record: search the directory, pick the person or company the record is, or say it
/// is none of them. Seat holders reach it from their saved lead or account, admins from the match report; the use case
/// decides who may edit which record (others get 404).
/// </summary>
public sealed class EditModel(GetRecordMatch get, EditContactMatch editContact, EditAccountMatch editAccount, SearchPeople searchPeople,
    SearchCompanies searchCompanies) : WorkspacePageModel
{
    public const int ResultCount = 10;

    public CrmMatchView Match { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Directory records found for <see cref="Query"/>: id, name and a line of detail.</summary>
    public IReadOnlyList<(Guid Id, string Name, string? Detail)> Candidates { get; private set; } = [];

    public CrmRecordKind Kind => (string?)RouteData.Values["kind"] == "accounts" ? CrmRecordKind.Account : CrmRecordKind.Contact;

    public string BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Caller.IsContractAdmin ? "/Admin/Crm/Matches" : "/Leads";

    public Task OnGetAsync(Guid recordId) => LoadAsync(recordId);

    public Task<IActionResult> OnPostChooseAsync(Guid recordId, Guid? counterpartId) =>
        EditAsync(recordId, new EditMatchRequest { CounterpartId = counterpartId });

    public Task<IActionResult> OnPostNoMatchAsync(Guid recordId) => EditAsync(recordId, new EditMatchRequest { NoMatch = true });

    private Task<IActionResult> EditAsync(Guid recordId, EditMatchRequest request) =>
        RunAsync(async () =>
            {
                var match = Kind == CrmRecordKind.Contact
                    ? await editContact.HandleAsync(Caller, recordId, request, HttpContext.RequestAborted)
                    : await editAccount.HandleAsync(Caller, recordId, request, HttpContext.RequestAborted);
                TempData["Notice"] = match.CounterpartName is { } name ? $"{match.CrmName} is now matched to {name}." : $"{match.CrmName} is now matched to nobody.";
                return LocalRedirect(BackUrl);
            },
            reloadPage: () => LoadAsync(recordId));

    private async Task LoadAsync(Guid recordId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Match = await get.HandleAsync(Caller, Kind, recordId, cancellationToken);
        if (string.IsNullOrWhiteSpace(Query)) return;
        Candidates = Kind == CrmRecordKind.Contact
            ? (await searchPeople.HandleAsync(Caller, new SearchPeople.Request { Query = Query, PageSize = ResultCount }, cancellationToken)).Items
                .Select(p => (p.Id, p.FullName, Detail(p.Title, p.CompanyName, p.City))).ToList()
            : (await searchCompanies.HandleAsync(Caller, new SearchCompanies.Request { Query = Query, PageSize = ResultCount }, cancellationToken)).Items
                .Select(c => (c.Id, c.Name, Detail(c.Website, c.City, c.Country))).ToList();
    }

    private static string? Detail(params string?[] parts) =>
        string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } text ? text : null;
}
