using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SalesBridge.CrmConnection;
using SalesBridge.Errors;
using SalesBridge.Web.Crm;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>
/// Connect to CRM (SPEC S1): the org URL, then signing in with a Dynamics account (sent to the sign-in page) or an
/// application user with a client secret or a certificate (.pfx upload), checked here. A failed check is shown step by
/// step; the client secret and the certificate's password are never sent back.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class ConnectModel(
    GetConnectionStatus getStatus, StartAdminSignIn startSignIn, ConnectApplicationUser connectApplicationUser, IOptions<CrmOptions> crm) : AdminPageModel
{
    /// <summary>No annotations: the use cases validate, so the page and the API give the same messages.</summary>
    public sealed class ConnectInput
    {
        public string? OrganizationUrl { get; set; }
        public string? LoginHint { get; set; }
        public string? TenantId { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }

        /// <summary>"Secret" or "Certificate": which of the application user's credentials the admin gives.</summary>
        public string Credential { get; set; } = SecretCredential;

        /// <summary>The .pfx file (certificate with private key).</summary>
        public IFormFile? ClientCertificate { get; set; }
        public string? ClientCertificatePassword { get; set; }
    }

    public const string SecretCredential = "Secret";
    public const string CertificateCredential = "Certificate";

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
                    new StartAdminSignIn.Request { OrganizationUrl = Input.OrganizationUrl, LoginHint = Input.LoginHint }, CrmSignInRedirect.For(Request, crm.Value), cancellationToken);
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
                var byCertificate = Input.Credential == CertificateCredential;
                var report = await connectApplicationUser.HandleAsync(Caller, new ConnectApplicationUser.Request
                {
                    OrganizationUrl = Input.OrganizationUrl, TenantId = Input.TenantId, ClientId = Input.ClientId,
                    ClientSecret = byCertificate ? null : Input.ClientSecret,
                    ClientCertificate = byCertificate ? await UploadedCertificateAsync(cancellationToken) : null,
                    ClientCertificatePassword = byCertificate ? Input.ClientCertificatePassword : null,
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

    /// <summary>The uploaded .pfx as the API takes it (base64); a file over the limit is refused before it is read.</summary>
    private async Task<string?> UploadedCertificateAsync(CancellationToken cancellationToken)
    {
        if (Input.ClientCertificate is not { Length: > 0 } file) return null;
        if (file.Length > ClientCertificateCredential.MaxPfxBytes)
        {
            throw new RequestValidationException("clientCertificate", $"The certificate file must be a .pfx file of at most {ClientCertificateCredential.MaxPfxBytes / 1024} KiB.");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return Convert.ToBase64String(buffer.ToArray());
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Secrets are never rendered back into the page, whatever happened to the attempt.
        Input.ClientSecret = null;
        Input.ClientCertificatePassword = null;
        ModelState.Remove($"{nameof(Input)}.{nameof(ConnectInput.ClientSecret)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(ConnectInput.ClientCertificatePassword)}");
        Status = await getStatus.HandleAsync(Caller, cancellationToken);
    }
}
