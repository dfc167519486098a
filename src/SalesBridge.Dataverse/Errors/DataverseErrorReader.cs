using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesBridge.Dataverse;

/// <summary>Turns a failed response into the matching <see cref="DataverseException"/>.</summary>
internal static partial class DataverseErrorReader
{
    /// <summary>ExpiredVersionStamp: the change-tracking token is older than the org keeps changes.</summary>
    public const string ExpiredVersionStamp = "0x80044352";

    public static async Task<DataverseException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Create(response.StatusCode, body, RetryAfter(response));
    }

    public static DataverseException Create(HttpStatusCode status, string body, TimeSpan? retryAfter = null)
    {
        var (code, message) = Parse(body);
        message ??= $"Dataverse answered {(int)status} {status}.";
        if (string.Equals(code, ExpiredVersionStamp, StringComparison.OrdinalIgnoreCase) || message.Contains("Version stamp associated with the client has expired", StringComparison.Ordinal))
        {
            return new DataverseChangeTokenExpiredException(message, status, code, body);
        }
        return status switch
        {
            HttpStatusCode.TooManyRequests => new DataverseThrottledException(message, code, body, retryAfter ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.NotFound => new DataverseNotFoundException(message, code, body),
            HttpStatusCode.PreconditionFailed => new DataversePreconditionFailedException(message, code, body),
            HttpStatusCode.Forbidden => new DataversePrivilegeDeniedException(message, code, body, PrivilegeName(message)),
            HttpStatusCode.Unauthorized => new DataverseUnauthorizedException(message, code, body),
            _ => new DataverseException(message, status, code, body),
        };
    }

    /// <summary>The <c>Retry-After</c> of a response, in seconds or as a date, when present.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow;
        // Some gateways send a fractional number, which the typed header rejects.
        return response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    private static (string? Code, string? Message) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (string.IsNullOrEmpty(code) ? null : code, message);
            }
        }
        catch (JsonException)
        {
            // Not Dataverse's JSON (a gateway's HTML page, say): the raw body still travels with the exception.
        }
        return (null, null);
    }

    private static string? PrivilegeName(string message) =>
        MissingPrivilege().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"missing (prv\w+) privilege", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPrivilege();
}
