using Microsoft.Extensions.Logging;

namespace SalesBridge.CrmConnection;

/// <summary>What the connection checks log: the host and the outcome, never a token, secret or full URL query.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Checking the CRM connection to {Host}")]
    public static partial void CheckStarted(ILogger logger, string host);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "CRM connection check {Check} failed for {Host}: {Cause}")]
    public static partial void CheckFailed(ILogger logger, ConnectionCheckKind check, string host, string cause);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "CRM connection check of {Host} ended: {Outcome}")]
    public static partial void CheckEnded(ILogger logger, string host, ConnectionCheckOutcome outcome);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "CRM connection check {Check} of {Host}: the org or Entra ID answered {ErrorCode}: {Answer}")]
    public static partial void CheckAnswered(ILogger logger, ConnectionCheckKind check, string host, string? errorCode, string answer);
}
