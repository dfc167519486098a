namespace SalesBridge.Alerts;

/// <summary>An alert as admins see it in the banner and the API.</summary>
public sealed record AdminAlertSummary(Guid Id, AdminAlertKind Kind, string Title, string Detail, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt)
{
    public static AdminAlertSummary From(AdminAlert alert) => new(alert.Id, alert.Kind, alert.Title, alert.Detail, alert.RaisedAt, alert.ResolvedAt);
}
