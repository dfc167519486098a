using SalesBridge.Accounts;
using SalesBridge.Web.Pages.Lists;

namespace SalesBridge.Web.Pages.Accounts;

/// <summary>
/// One saved account as the seat holder keeps it. Unmatched CRM accounts have no directory page, so the accounts list
/// links here: the page shows what the CRM holds, why it stands alone, and the way to the record in Dynamics.
/// </summary>
public sealed class AccountDetailsModel(GetSavedAccount getAccount) : SeatHolderPageModel
{
    public SavedAccountSummary Account { get; private set; } = null!;

    public string? Location => string.Join(", ", new[] { Account.City, Account.Country }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } place ? place : null;

    // An account of another seat holder or contract is "not found" (RefusalPageFilter answers 404).
    public async Task OnGetAsync(Guid savedAccountId) => Account = await getAccount.HandleAsync(Caller, savedAccountId, HttpContext.RequestAborted);
}
