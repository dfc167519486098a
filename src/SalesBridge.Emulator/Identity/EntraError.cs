using System.Globalization;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// An error as Entra's token endpoint reports it (reference-error-codes): an OAuth <c>error</c>, an
/// <c>AADSTSnnnn</c> code and message, and trace identifiers.
/// </summary>
internal sealed record EntraError(string Error, int Code, string Message, int StatusCode = StatusCodes.Status400BadRequest)
{
    public string Description => $"AADSTS{Code}: {Message}";

    public IResult ToResult(HttpContext context, TimeProvider time)
    {
        var traceId = Guid.NewGuid().ToString("D");
        // Entra echoes MSAL's client-request-id as the correlation id, which ties client logs to server logs.
        var correlationId = Guid.TryParse(context.Request.Headers["client-request-id"], out var fromClient)
            ? fromClient.ToString("D")
            : Guid.NewGuid().ToString("D");
        var timestamp = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        NoStore(context);
        return TypedResults.Json(
            new Dictionary<string, object>
            {
                ["error"] = Error,
                ["error_description"] = $"{Description}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}",
                ["error_codes"] = new[] { Code },
                ["timestamp"] = timestamp,
                ["trace_id"] = traceId,
                ["correlation_id"] = correlationId,
            },
            statusCode: StatusCode);
    }

    /// <summary>The error as query parameters for a redirect back to a validated redirect URI.</summary>
    public Dictionary<string, string?> ToRedirectParameters(string? state)
    {
        var parameters = new Dictionary<string, string?> { ["error"] = Error, ["error_description"] = Description };
        if (!string.IsNullOrEmpty(state))
        {
            parameters["state"] = state;
        }

        return parameters;
    }

    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
    }
}
