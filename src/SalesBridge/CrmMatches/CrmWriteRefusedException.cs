using SalesBridge.CrmConnection;
using SalesBridge.Dataverse;
using SalesBridge.Errors;

namespace SalesBridge.CrmMatches;

/// <summary>
/// The org refused or failed a write a person asked for: the S4 message first, then the cause (which privilege, what
/// the CRM said), so the seat holder can hand it to their CRM administrator. 403 for a missing privilege, 502 otherwise.
/// </summary>
public sealed class CrmWriteRefusedException(int statusCode, string message, string cause)
    : RequestRefusedException(message, $"{message} {cause}")
{
    public override int StatusCode { get; } = statusCode;

    public string Cause { get; } = cause;

    /// <param name="privilege">The privilege the write needs, named when the CRM's answer does not say.</param>
    public static CrmWriteRefusedException From(DataverseException failure, string privilege) => failure switch
    {
        DataversePrivilegeDeniedException denied => new(403, ConnectionFailureMessages.InsufficientPrivileges,
            $"Missing privilege {denied.PrivilegeName ?? privilege} (the CRM answered HTTP 403: {failure.Message})"),
        DataverseUnreachableException or DataverseUnauthorizedException or Dataverse.Authentication.DataverseAuthenticationException => new(502, ConnectionFailureMessages.CouldNotConnect,
            $"The CRM said: {failure.Message}"),
        _ => new(502, ConnectionFailureMessages.ApiError, $"The CRM said: {failure.Message}"),
    };
}
