using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmMatches;
using SalesBridge.Errors;

namespace SalesBridge.Web.Pages.Matches;

/// <summary>
/// Create record (SPEC S11) from the lead or account page's CRM match card: makes the contact or account in the CRM and returns to the page
/// with what happened; a refusal (no privilege, no connection) is shown there instead, with its cause.
/// </summary>
public sealed class CreateRecordModel(CreateCrmContact createContact, CreateCrmAccount createAccount) : WorkspacePageModel
{
    public IActionResult OnGet() => LocalRedirect("/Leads");

    public async Task<IActionResult> OnPostAsync(Guid? savedLeadId, Guid? savedAccountId, string? returnUrl, bool createAnyway = false)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : savedAccountId is { } a ? $"/Accounts/{a}" : $"/Leads/{savedLeadId}";
        try
        {
            var request = new CreateRecordRequest { CreateAnyway = createAnyway };
            var match = savedAccountId is { } accountId
                ? await createAccount.HandleAsync(Caller, accountId, request, HttpContext.RequestAborted)
                : await createContact.HandleAsync(Caller, savedLeadId ?? Guid.Empty, request, HttpContext.RequestAborted);
            TempData["Notice"] = $"Created {match.CrmName} in the CRM; the {(savedAccountId is null ? "lead" : "account")} is now tied to it.";
        }
        catch (CrmRecordExistsException exists)
        {
            TempData["Notice"] = $"Not created. {exists.Message}";
            // The card then offers "Create anyway" for this item only.
            TempData["CreateAnyway"] = (savedAccountId ?? savedLeadId)?.ToString();
        }
        catch (RequestRefusedException refused) when (refused is not NotFoundException)
        {
            TempData["Notice"] = $"Could not create the record. {refused.Message}";
        }
        return LocalRedirect(back);
    }
}
