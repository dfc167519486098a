using Microsoft.EntityFrameworkCore;
using SalesBridge.Alerts;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmImport;

/// <summary>
/// B8: admins hear of the first failed run; later failures update that alert instead of raising more, and the next
/// run that succeeds resolves it.
/// </summary>
public static class SyncRunAlerts
{
    public const string FailedTitle = "CRM sync failed";

    /// <returns>The alert when it is new (for notifying), else null.</returns>
    internal static async Task<AdminAlert?> FailedAsync(SalesBridgeDbContext db, SyncRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var detail = $"The sync that started {run.StartedAt:yyyy-MM-dd HH:mm} UTC failed: {run.FailureMessage}\nThe next run carries on from where it stopped.";
        detail = ColumnFit.Cut(detail, AdminAlert.MaxDetailLength);
        var open = await db.AdminAlerts.FirstOrDefaultAsync(a => a.ContractId == run.ContractId && a.Kind == AdminAlertKind.SyncFailed && a.ResolvedAt == null, cancellationToken);
        if (open is not null)
        {
            open.Detail = detail;
            return null;
        }
        var alert = new AdminAlert { ContractId = run.ContractId, Kind = AdminAlertKind.SyncFailed, RaisedAt = now, Title = FailedTitle, Detail = detail };
        db.AdminAlerts.Add(alert);
        return alert;
    }

    internal static Task ResolveAsync(SalesBridgeDbContext db, Guid contractId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.AdminAlerts.Where(a => a.ContractId == contractId && a.Kind == AdminAlertKind.SyncFailed && a.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ResolvedAt, now), cancellationToken);
}
