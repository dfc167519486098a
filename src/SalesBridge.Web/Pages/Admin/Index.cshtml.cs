using Microsoft.AspNetCore.Mvc;
using SalesBridge.Contracts;

namespace SalesBridge.Web.Pages.Admin;

/// <summary>Admin Settings: the contract's figures, its company name and seat count, and the CRM connection's state.</summary>
public sealed class IndexModel(GetContractOverview getOverview, UpdateContract update) : AdminPageModel
{
    public sealed class ContractInput
    {
        public string? CompanyName { get; set; }

        public int? SeatCount { get; set; }
    }

    [BindProperty]
    public ContractInput Input { get; set; } = new();

    public ContractOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new ContractInput { CompanyName = Overview.CompanyName, SeatCount = Overview.SeatCount };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                // An emptied field means "required", not "unchanged": the form always sends both.
                await update.HandleAsync(Caller, new UpdateContract.Request { CompanyName = Input.CompanyName ?? "", SeatCount = Input.SeatCount }, cancellationToken);
                TempData["Notice"] = "Contract settings saved.";
                return RedirectToPage();
            },
            fieldPrefix: nameof(Input),
            reloadPage: () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Overview = await getOverview.HandleAsync(Caller, cancellationToken);
}
