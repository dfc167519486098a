using System.Net;

namespace SalesBridge.Dataverse;

/// <summary>
/// A request to Dataverse failed. Carries the HTTP status, Dataverse's error code (e.g. <c>0x80040217</c>),
/// its message and the raw response body. Subtypes mark the failures callers handle differently.
/// </summary>
public class DataverseException : Exception
{
    /// <summary>Creates an exception for a failed response.</summary>
    public DataverseException(string message, HttpStatusCode? statusCode, string? errorCode, string? rawBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status of the response, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Dataverse's error code as it sent it (lower-case hex such as <c>0x80040217</c>), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The response body as received, for logs and support cases.</summary>
    public string? RawBody { get; }
}

/// <summary>Dataverse's service-protection limits refused the request (HTTP 429); retry after <see cref="RetryAfter"/>.</summary>
public sealed class DataverseThrottledException(string message, string? errorCode, string? rawBody, TimeSpan retryAfter)
    : DataverseException(message, HttpStatusCode.TooManyRequests, errorCode, rawBody)
{
    /// <summary>How long Dataverse asked the caller to wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The row, table or resource does not exist (HTTP 404).</summary>
public sealed class DataverseNotFoundException(string message, string? errorCode, string? rawBody)
    : DataverseException(message, HttpStatusCode.NotFound, errorCode, rawBody);

/// <summary>
/// A precondition failed (HTTP 412): the row changed since the ETag was read, a create-only upsert found the
/// row, or an alternate key is already taken.
/// </summary>
public sealed class DataversePreconditionFailedException(string message, string? errorCode, string? rawBody)
    : DataverseException(message, HttpStatusCode.PreconditionFailed, errorCode, rawBody);

/// <summary>The caller lacks a privilege (HTTP 403); <see cref="PrivilegeName"/> names it when Dataverse did.</summary>
public sealed class DataversePrivilegeDeniedException(string message, string? errorCode, string? rawBody, string? privilegeName)
    : DataverseException(message, HttpStatusCode.Forbidden, errorCode, rawBody)
{
    /// <summary>The missing privilege as Dataverse wrote it (e.g. <c>prvReadopportunity</c>), or null.</summary>
    public string? PrivilegeName { get; } = privilegeName;
}

/// <summary>A change-tracking token expired; the caller must read the table in full again.</summary>
public sealed class DataverseChangeTokenExpiredException(string message, HttpStatusCode? statusCode, string? errorCode, string? rawBody)
    : DataverseException(message, statusCode, errorCode, rawBody);

/// <summary>The org refused the credentials (HTTP 401), also after one token refresh.</summary>
public sealed class DataverseUnauthorizedException(string message, string? errorCode, string? rawBody, Exception? innerException = null)
    : DataverseException(message, HttpStatusCode.Unauthorized, errorCode, rawBody, innerException);

/// <summary>No response came from the org (connection refused or dropped, DNS, timeout), after the retries allowed.</summary>
public sealed class DataverseUnreachableException(string message, Exception? innerException)
    : DataverseException(message, null, null, null, innerException);
