using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Alerts;

/// <summary>
/// Admins: dismiss an alert. Safe to repeat (an alert already resolved stays as it was). Dismissing does not fix the
/// cause: a connection still failing keeps its status, and a later change (sync paused) raises a new alert.
/// </summary>
public sealed class ResolveAdminAlert(SalesBridgeDbContext db, TimeProvider time) : IUseCase
{
    /// <exception cref="NotFoundException">No such alert in the caller's contract.</exception>
    public async Task<AdminAlertSummary> HandleAsync(Caller caller, Guid alertId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var alert = await db.AdminAlerts.SingleOrDefaultAsync(a => a.Id == alertId && a.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("Alert", alertId);
        if (alert.ResolvedAt is null)
        {
            alert.ResolvedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return AdminAlertSummary.From(alert);
    }
}
