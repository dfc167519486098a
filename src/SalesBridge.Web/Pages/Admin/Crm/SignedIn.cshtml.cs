using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// Where the sign-in page sends the admin back (<see cref="Web.Crm.CrmSignInRedirect.Path"/>): completes the sign-in,
/// runs the checks, and goes on to CRM Settings when they pass, or shows what failed.
/// </summary>
public sealed class SignedInModel(CompleteAdminSignIn complete) : AdminPageModel
{
    public ConnectionCheckReport? Report { get; private set; }

    public Task<IActionResult> OnGetAsync(
        [FromQuery] string? code, [FromQuery] string? state, [FromQuery] string? error,
        [FromQuery(Name = "error_description")] string? errorDescription, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var report = await complete.HandleAsync(Caller, new CompleteAdminSignIn.Request(code, state, error, errorDescription), cancellationToken);
            if (report.Outcome != ConnectionCheckOutcome.Failed)
            {
                TempData.Keep(report);
                TempData["Notice"] = $"{CrmConnectionStatus.ConnectedHeadline}: every check passed.";
                return RedirectToPage("Index");
            }
            Report = report;
            return Page();
        });
}
