using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Crm;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// Connect to CRM (SPEC S1): the org URL, then signing in with a Dynamics account (sent to the sign-in page) or an
/// application user (checked here). A failed check is shown step by step; the client secret is never sent back.
/// </summary>
public sealed class ConnectModel(GetConnectionStatus getStatus, StartAdminSignIn startSignIn, ConnectApplicationUser connectApplicationUser) : AdminPageModel
{
    /// <summary>No annotations: the use cases validate, so the page and the API give the same messages.</summary>
    public sealed class ConnectInput
    {
        public string? OrganizationUrl { get; set; }
        public string? LoginHint { get; set; }
        public string? TenantId { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
    }

    [BindProperty]
    public ConnectInput Input { get; set; } = new();

    public CrmConnectionStatus Status { get; private set; } = null!;

    /// <summary>The failed check of the last attempt.</summary>
    public ConnectionCheckReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.OrganizationUrl = Status.IsConnected ? Status.OrganizationUrl : null;
    }

    public Task<IActionResult> OnPostSignInAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var result = await startSignIn.HandleAsync(Caller,
                    new StartAdminSignIn.Request { OrganizationUrl = Input.OrganizationUrl, LoginHint = Input.LoginHint }, CrmSignInRedirect.For(Request), cancellationToken);
                if (result.AuthorizationUrl is { } url) return Redirect(url.AbsoluteUri);
                Report = result.RefusedUrl;
                await LoadAsync(cancellationToken);
                return Page();
            },
            fieldPrefix: nameof(Input),
            reloadPage: () => LoadAsync(cancellationToken));

    public Task<IActionResult> OnPostApplicationUserAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
            {
                var report = await connectApplicationUser.HandleAsync(Caller, new ConnectApplicationUser.Request
                {
                    OrganizationUrl = Input.OrganizationUrl, TenantId = Input.TenantId, ClientId = Input.ClientId, ClientSecret = Input.ClientSecret,
                }, cancellationToken);
                if (report.Outcome != ConnectionCheckOutcome.Failed)
                {
                    TempData.Keep(report);
                    TempData["Notice"] = $"{CrmConnectionStatus.ConnectedHeadline}: every check passed.";
                    return RedirectToPage("Index");
                }
                Report = report;
                await LoadAsync(cancellationToken);
                return Page();
            },
            fieldPrefix: nameof(Input),
            reloadPage: () => LoadAsync(cancellationToken));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // The secret is never rendered back into the page, whatever happened to the attempt.
        Input.ClientSecret = null;
        ModelState.Remove($"{nameof(Input)}.{nameof(ConnectInput.ClientSecret)}");
        Status = await getStatus.HandleAsync(Caller, cancellationToken);
    }
}
