using Microsoft.AspNetCore.Mvc;
using SalesBridge.Lists;

namespace SalesBridge.Web.Pages.Lists;

/// <summary>The seat holder's lists of leads and of accounts: create, rename and delete their own; system lists are shown, not editable.</summary>
public sealed class ListsModel(ListLists listLists, CreateList createList, RenameList renameList, DeleteList deleteList) : SeatHolderPageModel
{
    public sealed class RenameInput
    {
        public Guid ListId { get; set; }
        public string? Name { get; set; }
    }

    [BindProperty]
    public NewListInput NewList { get; set; } = new();

    [BindProperty]
    public RenameInput Rename { get; set; } = new();

    public IReadOnlyList<SavedListSummary> Lists { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostCreateAsync() => RunAsync(async () =>
    {
        var list = await createList.HandleAsync(Caller, new CreateList.Request { Name = NewList.Name, Kind = NewList.Kind }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Created the list \"{list.Name}\".";
        return RedirectToPage();
    }, fieldPrefix: nameof(NewList), reloadPage: LoadAsync);

    public Task<IActionResult> OnPostRenameAsync() => RunAsync(async () =>
    {
        var list = await renameList.HandleAsync(Caller, Rename.ListId, new RenameList.Request { Name = Rename.Name }, HttpContext.RequestAborted);
        TempData["Notice"] = $"Renamed the list to \"{list.Name}\".";
        return RedirectToPage();
    }, fieldPrefix: nameof(Rename), reloadPage: LoadAsync);

    public Task<IActionResult> OnPostDeleteAsync(Guid listId) => RunAsync(async () =>
    {
        var name = (await listLists.HandleAsync(Caller, new ListLists.Request(), HttpContext.RequestAborted)).FirstOrDefault(list => list.Id == listId)?.Name;
        await deleteList.HandleAsync(Caller, listId, HttpContext.RequestAborted);
        TempData["Notice"] = $"Deleted the list \"{name}\". What was on it stays saved.";
        return RedirectToPage();
    }, reloadPage: LoadAsync);

    private Task LoadAsync() => LoadOrExplainAsync(async () =>
        Lists = await listLists.HandleAsync(Caller, new ListLists.Request(), HttpContext.RequestAborted));
}
