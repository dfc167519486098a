using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Alerts;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;
using SalesBridge.Text;

namespace SalesBridge.CrmHealth;

/// <summary>
/// The admin alerts of a connection's health (B8): one alert when it starts failing (later failures update its
/// detail instead of raising more), one when sync pauses, and both resolved when it recovers or is disconnected.
/// Changes are added to the DbContext; the caller saves them and then notifies the returned new alerts.
/// </summary>
internal static class ConnectionHealthAlerts
{
    public const string FailingTitle = "CRM connection failing";
    public const string PausedTitle = "CRM sync paused";

    public static async Task<IReadOnlyList<AdminAlert>> RecordAsync(SalesBridgeDbContext db, OrgConnection connection, HealthChange change,
        DateTimeOffset now, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        if (change == HealthChange.StillHealthy) return [];
        var open = await OpenAsync(db, connection.ContractId, cancellationToken);
        if (change == HealthChange.Recovered)
        {
            foreach (var alert in open) alert.ResolvedAt = now;
            return [];
        }

        var raised = new List<AdminAlert>();
        var failing = open.FirstOrDefault(a => a.Kind == AdminAlertKind.ConnectionFailing);
        if (failing is not null) failing.Detail = FailingDetail(connection, gracePeriod);
        else if (change == HealthChange.StartedFailing) raised.Add(Raise(db, connection, AdminAlertKind.ConnectionFailing, FailingTitle, FailingDetail(connection, gracePeriod), now));

        var paused = open.FirstOrDefault(a => a.Kind == AdminAlertKind.SyncPaused);
        if (paused is not null) paused.Detail = PausedDetail(connection);
        else if (change == HealthChange.Paused) raised.Add(Raise(db, connection, AdminAlertKind.SyncPaused, PausedTitle, PausedDetail(connection), now));
        return raised;
    }

    /// <summary>Resolves every open alert of the contract (its connection was disconnected).</summary>
    public static async Task ResolveAllAsync(SalesBridgeDbContext db, Guid contractId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var alert in await OpenAsync(db, contractId, cancellationToken)) alert.ResolvedAt = now;
    }

    private static Task<List<AdminAlert>> OpenAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken) =>
        db.AdminAlerts.Where(a => a.ContractId == contractId && a.ResolvedAt == null
            && (a.Kind == AdminAlertKind.ConnectionFailing || a.Kind == AdminAlertKind.SyncPaused)).ToListAsync(cancellationToken);

    private static AdminAlert Raise(SalesBridgeDbContext db, OrgConnection connection, AdminAlertKind kind, string title, string detail, DateTimeOffset now)
    {
        var alert = new AdminAlert { ContractId = connection.ContractId, Kind = kind, RaisedAt = now, Title = title, Detail = detail };
        db.AdminAlerts.Add(alert);
        return alert;
    }

    private static string FailingDetail(OrgConnection connection, TimeSpan gracePeriod) => Clip(
        $"{Failure(connection)}\nFailing since {Time(connection.FailingSince)}. Sync continues until {Time(connection.FailingSince + gracePeriod)}; " +
        "then it pauses until an admin reconnects under Admin Settings > CRM Settings.");

    private static string PausedDetail(OrgConnection connection) => Clip(
        $"The CRM connection has been failing since {Time(connection.FailingSince)}: sync is paused until an admin reconnects " +
        $"under Admin Settings > CRM Settings.\n{Failure(connection)}");

    private static string Failure(OrgConnection connection) =>
        string.IsNullOrEmpty(connection.FailureCauses) ? connection.FailureMessage ?? "" : $"{connection.FailureMessage}\n{connection.FailureCauses}";

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "now";

    private static string Clip(string detail) => ColumnFit.Shortened(detail, AdminAlert.MaxDetailLength);
}
