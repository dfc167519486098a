using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Alerts;

/// <summary>Admins: the contract's open alerts, newest first (the banner on every Admin page).</summary>
public sealed class ListAdminAlerts(SalesBridgeDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<AdminAlertSummary>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var open = await db.AdminAlerts.AsNoTracking()
            .Where(alert => alert.ContractId == caller.ContractId && alert.ResolvedAt == null)
            .ToListAsync(cancellationToken);
        // Ordered in memory: few rows, and SQLite stores the times as ticks the same way either side.
        return open.OrderByDescending(alert => alert.RaisedAt).ThenByDescending(alert => alert.Id).Select(AdminAlertSummary.From).ToList();
    }
}
