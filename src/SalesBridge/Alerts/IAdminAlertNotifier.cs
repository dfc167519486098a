using Microsoft.Extensions.Logging;

namespace SalesBridge.Alerts;

/// <summary>Tells a contract's admins about a new alert outside SalesBridge (B8: "health alerts on the first failed run").</summary>
public interface IAdminAlertNotifier
{
    Task RaisedAsync(AdminAlert alert, CancellationToken cancellationToken);
}

/// <summary>
/// The default notifier: SalesBridge has no mail infrastructure yet, so a raised alert is only logged (its kind, contract
/// and title; not the detail, which quotes what the CRM said) for operators to forward. Admins see every open alert in
/// the banner on the Admin pages and through <c>/api/v1/admin/alerts</c>. Replace this registration to send emails.
/// </summary>
public sealed partial class LoggingAdminAlertNotifier(ILogger<LoggingAdminAlertNotifier> logger) : IAdminAlertNotifier
{
    public Task RaisedAsync(AdminAlert alert, CancellationToken cancellationToken)
    {
        AlertRaised(logger, alert.Kind, alert.ContractId, alert.Title);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7200, Level = LogLevel.Warning, Message = "Admin alert {Kind} raised for contract {ContractId}: {Title}")]
    private static partial void AlertRaised(ILogger logger, AdminAlertKind kind, Guid contractId, string title);
}
