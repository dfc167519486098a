using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmRecords;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Lists;

namespace SalesBridge.Web.Pages.Leads;

/// <summary>
/// The seat holder's saved leads with their lists. Other pages post to <c>?handler=Save</c> (personId, returnUrl)
/// and <c>?handler=Unsave</c> (savedLeadId, returnUrl) to save or remove a lead and come back.
/// </summary>
public sealed class LeadsModel(
    ListSavedLeads listLeads, GetSavedLead getLead, SaveLead saveLead, UnsaveLead unsaveLead,
    ListLists listLists, CreateList createList, AddToList addToList, RemoveFromList removeFromList) : SeatHolderPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ListId { get; set; }

    /// <summary>Only the CRM's leads that matching tied to nothing in the workspace.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unmatched { get; set; }

    [BindProperty]
    public NewListInput NewList { get; set; } = new();

    public Page<SavedLeadSummary>? Leads { get; private set; }
    public IReadOnlyList<SavedListSummary> Lists { get; private set; } = [];
    public SavedListSummary? SelectedList => Lists.FirstOrDefault(list => list.Id == ListId);
    public IEnumerable<SavedListSummary> UserLists => Lists.Where(list => !list.IsSystemList);
    public bool Filtered => ListId is not null || Unmatched || !string.IsNullOrWhiteSpace(Query);

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostSaveAsync(Guid? personId, string? returnUrl) => RunAsync(async () =>
    {
        var saved = await saveLead.HandleAsync(Caller, new SaveLead.Request { PersonId = personId }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Saved {saved.Lead.FullName} as a lead.";
        return RedirectBack(returnUrl, "/Leads");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostUnsaveAsync(Guid savedLeadId, string? returnUrl) => RunAsync(async () =>
    {
        var lead = await getLead.HandleAsync(Caller, savedLeadId, HttpContext.RequestAborted);
        var outcome = await unsaveLead.HandleAsync(Caller, savedLeadId, HttpContext.RequestAborted);
        TempData["Notice"] = outcome == UnsaveOutcome.Removed
            ? $"Removed {lead.FullName} from your leads."
            : $"{lead.FullName} is no longer saved by you; it stays on \"{SystemLists.CrmLeads.Name}\" while an open CRM opportunity brings it in.";
        return RedirectBack(returnUrl, "/Leads");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostAddToListAsync(Guid savedLeadId, Guid listId, string? returnUrl) => RunAsync(async () =>
    {
        var result = await addToList.HandleAsync(Caller, listId, new AddToList.Request { SavedLeadId = savedLeadId }, HttpContext.RequestAborted);
        TempData["Notice"] = await ListNoticeAsync(listId, result.Added ? "Added the lead to {0}." : "The lead is already on {0}.");
        return RedirectBack(returnUrl, "/Leads");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostRemoveFromListAsync(Guid savedLeadId, Guid listId, string? returnUrl) => RunAsync(async () =>
    {
        await removeFromList.HandleAsync(Caller, listId, savedLeadId, HttpContext.RequestAborted);
        TempData["Notice"] = await ListNoticeAsync(listId, "Took the lead off {0}.");
        return RedirectBack(returnUrl, "/Leads");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostCreateListAsync() => RunAsync(async () =>
    {
        var list = await createList.HandleAsync(Caller, new CreateList.Request { Name = NewList.Name, Kind = SavedListKind.Leads }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Created the list \"{list.Name}\".";
        return Redirect($"/Leads?listId={list.Id}");
    }, fieldPrefix: nameof(NewList), reloadPage: LoadAsync);

    private Task LoadAsync() => LoadOrExplainAsync(async () =>
    {
        Lists = await listLists.HandleAsync(Caller, new ListLists.Request { Kind = SavedListKind.Leads }, HttpContext.RequestAborted);
        Leads = await listLeads.HandleAsync(Caller, new ListSavedLeads.Request { ListId = ListId, Query = Query, Unmatched = Unmatched ? true : null, Page = RequestedPageNumber },
            HttpContext.RequestAborted);
    });

    private async Task<string> ListNoticeAsync(Guid listId, string format)
    {
        var lists = await listLists.HandleAsync(Caller, new ListLists.Request { Kind = SavedListKind.Leads }, HttpContext.RequestAborted);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, $"\"{lists.FirstOrDefault(list => list.Id == listId)?.Name}\"");
    }
}
