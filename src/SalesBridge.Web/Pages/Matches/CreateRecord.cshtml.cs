using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmMatches;
using SalesBridge.Errors;

namespace SalesBridge.Web.Pages.Matches;

/// <summary>
/// Create record (SPEC S11) from the lead page's CRM match card: makes the contact in the CRM and returns to the page
/// with what happened; a refusal (no privilege, no connection) is shown there instead, with its cause.
/// </summary>
public sealed class CreateRecordModel(CreateCrmContact create) : WorkspacePageModel
{
    public IActionResult OnGet() => LocalRedirect("/Leads");

    public async Task<IActionResult> OnPostAsync(Guid savedLeadId, string? returnUrl)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : $"/Leads/{savedLeadId}";
        try
        {
            var match = await create.HandleAsync(Caller, savedLeadId, HttpContext.RequestAborted);
            TempData["Notice"] = $"Created {match.CrmName} in the CRM; the lead is now tied to it.";
        }
        catch (RequestRefusedException refused) when (refused is not NotFoundException)
        {
            TempData["Notice"] = $"Could not create the record. {refused.Message}";
        }
        return LocalRedirect(back);
    }
}
