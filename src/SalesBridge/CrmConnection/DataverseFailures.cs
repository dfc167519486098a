using System.Net;
using SalesBridge.Dataverse;
using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.CrmConnection;

/// <summary>Turns what the org (or Entra ID) answered into a failed check: which S4 message, and the cause beneath it.</summary>
internal static class DataverseFailures
{
    public static ConnectionCheckStep StepFor(ConnectionCheckKind kind, DataverseException failure) => failure switch
    {
        DataverseUnreachableException => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.CouldNotConnect,
            $"The org stopped answering: {failure.Message}"),
        DataverseAuthenticationException authentication => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.CouldNotConnect,
            SignInCause(authentication)),
        DataverseUnauthorizedException => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.CouldNotConnect,
            "The org refused the sign-in (HTTP 401). Sign in again, or check the application user's client id and secret.",
            $"The CRM said: {failure.Message}"),
        DataversePrivilegeDeniedException denied => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.InsufficientPrivileges,
            denied.PrivilegeName is { } name ? $"Missing {name} (HTTP 403)." : "The org refused the request (HTTP 403).",
            $"The CRM said: {failure.Message}"),
        DataverseThrottledException throttled => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.ApiError,
            $"The org is limiting requests (HTTP 429); it asked to wait {throttled.RetryAfter.TotalSeconds:0} seconds.",
            $"The CRM said: {failure.Message}"),
        _ => ConnectionCheckStep.Failed(kind, ConnectionFailureMessages.ApiError,
            $"The org answered {Status(failure.StatusCode)}{(failure.ErrorCode is { } code ? $" with error {code}" : "")}.",
            $"The CRM said: {failure.Message}"),
    };

    /// <summary>
    /// Entra ID's own sentence (<c>AADSTS7000215: Invalid client secret provided…</c>) without MSAL's generic preamble
    /// and the trace, correlation and timestamp lines, which mean nothing to an admin (<see cref="ConnectionCheck"/> logs the whole text).
    /// </summary>
    private static string SignInCause(DataverseAuthenticationException failure)
    {
        var text = failure.Message;
        var start = text.IndexOf("AADSTS", StringComparison.Ordinal);
        if (start < 0) return $"No sign-in token could be had: {text}";
        var end = text.IndexOf("Trace ID:", start, StringComparison.Ordinal);
        var entra = string.Join(' ', (end < 0 ? text[start..] : text[start..end]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $"Entra ID refused the sign-in{(failure.ErrorCode is { } code ? $" ({code})" : "")}: {entra}";
    }

    private static string Status(HttpStatusCode? status) => status is { } s ? $"HTTP {(int)s}" : "without a status";
}
