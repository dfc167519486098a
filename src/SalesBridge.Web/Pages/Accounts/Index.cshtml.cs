using Microsoft.AspNetCore.Mvc;
using SalesBridge.Accounts;
using SalesBridge.CrmRecords;
using SalesBridge.Lists;
using SalesBridge.Paging;
using SalesBridge.Web.Pages.Lists;

namespace SalesBridge.Web.Pages.Accounts;

/// <summary>
/// The seat holder's saved accounts with their lists. Other pages post to <c>?handler=Save</c> (companyId, returnUrl)
/// and <c>?handler=Unsave</c> (savedAccountId, returnUrl) to save or remove an account and come back.
/// </summary>
public sealed class AccountsModel(
    ListSavedAccounts listAccounts, GetSavedAccount getAccount, SaveAccount saveAccount, UnsaveAccount unsaveAccount,
    ListLists listLists, CreateList createList, AddToList addToList, RemoveFromList removeFromList) : SeatHolderPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ListId { get; set; }

    /// <summary>Only the CRM's accounts that matching tied to nothing in the workspace.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unmatched { get; set; }

    [BindProperty]
    public NewListInput NewList { get; set; } = new();

    public Page<SavedAccountSummary>? Accounts { get; private set; }
    public IReadOnlyList<SavedListSummary> Lists { get; private set; } = [];
    public SavedListSummary? SelectedList => Lists.FirstOrDefault(list => list.Id == ListId);
    public IEnumerable<SavedListSummary> UserLists => Lists.Where(list => !list.IsSystemList);
    public bool Filtered => ListId is not null || Unmatched || !string.IsNullOrWhiteSpace(Query);

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostSaveAsync(Guid? companyId, string? returnUrl) => RunAsync(async () =>
    {
        var saved = await saveAccount.HandleAsync(Caller, new SaveAccount.Request { CompanyId = companyId }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Saved {saved.Account.Name} as an account.";
        return RedirectBack(returnUrl, "/Accounts");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostUnsaveAsync(Guid savedAccountId, string? returnUrl) => RunAsync(async () =>
    {
        var account = await getAccount.HandleAsync(Caller, savedAccountId, HttpContext.RequestAborted);
        var outcome = await unsaveAccount.HandleAsync(Caller, savedAccountId, HttpContext.RequestAborted);
        TempData["Notice"] = outcome == UnsaveOutcome.Removed
            ? $"Removed {account.Name} from your accounts."
            : $"{account.Name} is no longer saved by you; it stays on \"{SystemLists.CrmAccounts.Name}\" while an open CRM opportunity brings it in.";
        return RedirectBack(returnUrl, "/Accounts");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostAddToListAsync(Guid savedAccountId, Guid listId, string? returnUrl) => RunAsync(async () =>
    {
        var result = await addToList.HandleAsync(Caller, listId, new AddToList.Request { SavedAccountId = savedAccountId }, HttpContext.RequestAborted);
        TempData["Notice"] = await ListNoticeAsync(listId, result.Added ? "Added the account to {0}." : "The account is already on {0}.");
        return RedirectBack(returnUrl, "/Accounts");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostRemoveFromListAsync(Guid savedAccountId, Guid listId, string? returnUrl) => RunAsync(async () =>
    {
        await removeFromList.HandleAsync(Caller, listId, savedAccountId, HttpContext.RequestAborted);
        TempData["Notice"] = await ListNoticeAsync(listId, "Took the account off {0}.");
        return RedirectBack(returnUrl, "/Accounts");
    }, reloadPage: LoadAsync);

    public Task<IActionResult> OnPostCreateListAsync() => RunAsync(async () =>
    {
        var list = await createList.HandleAsync(Caller, new CreateList.Request { Name = NewList.Name, Kind = SavedListKind.Accounts }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Created the list \"{list.Name}\".";
        return Redirect($"/Accounts?listId={list.Id}");
    }, fieldPrefix: nameof(NewList), reloadPage: LoadAsync);

    private Task LoadAsync() => LoadOrExplainAsync(async () =>
    {
        Lists = await listLists.HandleAsync(Caller, new ListLists.Request { Kind = SavedListKind.Accounts }, HttpContext.RequestAborted);
        Accounts = await listAccounts.HandleAsync(Caller, new ListSavedAccounts.Request { ListId = ListId, Query = Query, Unmatched = Unmatched ? true : null, Page = RequestedPageNumber },
            HttpContext.RequestAborted);
    });

    private async Task<string> ListNoticeAsync(Guid listId, string format)
    {
        var lists = await listLists.HandleAsync(Caller, new ListLists.Request { Kind = SavedListKind.Accounts }, HttpContext.RequestAborted);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, $"\"{lists.FirstOrDefault(list => list.Id == listId)?.Name}\"");
    }
}
