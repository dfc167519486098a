namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The accounts and app registrations the token service signs in. The org store implements it; the token
/// service only reads, so a user disabled in the org is refused at the next sign-in or refresh.
/// </summary>
public interface ISignInDirectory
{
    /// <summary>Org users signing in interactively, by UPN (case-insensitive).</summary>
    SignInAccount? FindUser(string userName);

    /// <summary>Application users (client credentials), by application (client) id.</summary>
    SignInAccount? FindApplication(string clientId);

    /// <summary>App registrations allowed to use the authorization-code flow.</summary>
    ClientRegistration? FindClient(string clientId);
}
