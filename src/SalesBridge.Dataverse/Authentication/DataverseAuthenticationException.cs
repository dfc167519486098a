using System.Net;
using Microsoft.Identity.Client;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// No token could be had from Entra ID: the credentials were refused (e.g. a wrong or expired client secret,
/// <see cref="DataverseException.ErrorCode"/> <c>invalid_client</c>), the app is not registered, or the
/// authority could not be used. The message carries Entra's <c>AADSTS</c> code and description.
/// </summary>
public class DataverseAuthenticationException(string message, HttpStatusCode? statusCode, string? errorCode, string? rawBody, Exception? innerException = null)
    : DataverseException(message, statusCode, errorCode, rawBody, innerException)
{
    /// <summary>The matching exception for an MSAL failure while getting a token for <paramref name="resource"/>.</summary>
    internal static DataverseAuthenticationException From(MsalException exception, Uri resource)
    {
        var status = exception is MsalServiceException { StatusCode: > 0 } service ? (HttpStatusCode)service.StatusCode : (HttpStatusCode?)null;
        var body = (exception as MsalServiceException)?.ResponseBody;
        return exception is MsalUiRequiredException
            ? new DataverseSignInRequiredException(
                $"The signed-in admin must sign in again to reach {resource} ({exception.ErrorCode}): {exception.Message}", status, exception.ErrorCode, body, exception)
            : new DataverseAuthenticationException(
                $"Entra ID gave no token for {resource} ({exception.ErrorCode}): {exception.Message}", status, exception.ErrorCode, body, exception);
    }
}

/// <summary>
/// The delegated sign-in can no longer be used silently: nobody has signed in yet, the refresh token expired or
/// was revoked, the user was disabled, or consent or MFA is needed. Ask the admin to sign in again.
/// </summary>
public sealed class DataverseSignInRequiredException(string message, HttpStatusCode? statusCode, string? errorCode, string? rawBody, Exception? innerException = null)
    : DataverseAuthenticationException(message, statusCode, errorCode, rawBody, innerException);
