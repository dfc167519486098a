using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>CRM Settings: the connection's status (SPEC S2, S3), the way to connect, and after a connect the check that passed.</summary>
public sealed class IndexModel(GetConnectionStatus getStatus) : AdminPageModel
{
    public CrmConnectionStatus Status { get; private set; } = null!;

    /// <summary>The check of the connection just made, shown once after connecting.</summary>
    public ConnectionCheckReport? JustChecked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = await getStatus.HandleAsync(Caller, cancellationToken);
        JustChecked = TempData.TakeCheckReport();
    }
}
