using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>CRM Settings: the connection's status (SPEC S2, S3), the way to connect, and after a connect the check that passed.</summary>
public sealed class IndexModel(GetConnectionStatus getStatus, GetSyncStatus getSyncStatus) : AdminPageModel
{
    public CrmConnectionStatus Status { get; private set; } = null!;

    /// <summary>A run is importing now: S3's "sync in progress" shows instead of the last completed sync.</summary>
    public bool SyncRunning { get; private set; }

    /// <summary>The check of the connection just made, shown once after connecting.</summary>
    public ConnectionCheckReport? JustChecked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = await getStatus.HandleAsync(Caller, cancellationToken);
        SyncRunning = Status.IsConnected && (await getSyncStatus.HandleAsync(Caller, cancellationToken)).Running is not null;
        JustChecked = TempData.TakeCheckReport();
    }
}
