using System.Diagnostics.CodeAnalysis;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The checks both user grants (authorization code and refresh token) begin with: the client is registered
/// and proves itself, and the user the grant was issued to still exists and is enabled.
/// </summary>
internal static class UserGrantChecks
{
    public static bool RegisteredClient(TokenRequest request, ISignInDirectory directory,
        [NotNullWhen(true)] out ClientRegistration? registration, [NotNullWhen(false)] out TokenOutcome? refusal)
    {
        registration = null;
        refusal = null;
        if (request.Client.ClientId is not { } clientId)
        {
            refusal = EntraErrors.MissingParameter("client_id");
            return false;
        }
        if (directory.FindClient(clientId) is not { } found)
        {
            refusal = EntraErrors.ApplicationNotFound(clientId, request.Urls.Tenant);
            return false;
        }
        if (request.Client.Authenticate(found) is { } refused)
        {
            refusal = refused;
            return false;
        }
        registration = found;
        return true;
    }

    /// <summary>The user may have been disabled or removed since they signed in.</summary>
    public static bool ActiveUser(ISignInDirectory directory, string userName, Guid objectId,
        [NotNullWhen(true)] out SignInAccount? user, [NotNullWhen(false)] out TokenOutcome? refusal)
    {
        user = null;
        refusal = null;
        var found = directory.FindUser(userName);
        if (found is null || found.ObjectId != objectId)
        {
            refusal = EntraErrors.UserNotFound(userName);
            return false;
        }
        if (found.IsDisabled)
        {
            refusal = EntraErrors.UserDisabled();
            return false;
        }
        user = found;
        return true;
    }
}
