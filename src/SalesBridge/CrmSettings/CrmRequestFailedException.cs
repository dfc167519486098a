using SalesBridge.CrmConnection;
using SalesBridge.Dataverse;
using SalesBridge.Errors;

namespace SalesBridge.CrmSettings;

/// <summary>
/// The org refused or failed a settings request: 502 with the SPEC S4 message as title and what the CRM said as
/// detail (a missing privilege by name), so the admin knows whom to ask.
/// </summary>
public sealed class CrmRequestFailedException(string title, string detail, Exception inner)
    : RequestRefusedException(title, detail)
{
    public override int StatusCode => 502;

    public new Exception InnerException { get; } = inner;

    /// <summary>Runs org calls, turning the client's failures into this refusal.</summary>
    public static async Task<T> WrapAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DataverseException failure)
        {
            throw From(failure);
        }
    }

    /// <summary>The refusal for a failure of the client: its <see cref="Exception.Message"/> is the S4 message and what the CRM said.</summary>
    internal static CrmRequestFailedException From(DataverseException failure) => failure switch
    {
        DataversePrivilegeDeniedException denied => new(ConnectionFailureMessages.InsufficientPrivileges,
            $"{ConnectionFailureMessages.InsufficientPrivileges} {(denied.PrivilegeName is { } name ? $"Missing {name}. " : "")}The CRM said: {failure.Message}", failure),
        DataverseUnreachableException or DataverseUnauthorizedException => new(ConnectionFailureMessages.CouldNotConnect,
            $"{ConnectionFailureMessages.CouldNotConnect} {failure.Message}", failure),
        _ => new(ConnectionFailureMessages.ApiError, $"{ConnectionFailureMessages.ApiError} The CRM said: {failure.Message}", failure),
    };
}
