using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Signs in the org's own users: interactive users by UPN, application users by application id.</summary>
public sealed class OrgSignInDirectory(OrgDirectory orgs, EmulatorOptions options) : ISignInDirectory
{
    public SignInAccount? FindUser(string userName)
    {
        var user = Users().FirstOrDefault(u =>
            u["applicationid"] is null && string.Equals(u["domainname"] as string, userName, StringComparison.OrdinalIgnoreCase));
        return user?["azureactivedirectoryobjectid"] is Guid objectId
            ? new SignInAccount(objectId, (string)user["domainname"]!, user["fullname"] as string ?? userName,
                orgs.Credentials.PasswordOf(userName), user["isdisabled"] is true)
            : null;
    }

    public SignInAccount? FindApplication(string clientId)
    {
        if (!Guid.TryParse(clientId, out var applicationId)) return null;
        var user = Users().FirstOrDefault(u => u["applicationid"] is Guid id && id == applicationId);
        return user is null
            ? null
            : new SignInAccount(user["azureactivedirectoryobjectid"] as Guid? ?? user.Id, clientId, user["fullname"] as string ?? clientId,
                orgs.Credentials.ClientSecretOf(applicationId), user["isdisabled"] is true);
    }

    public ClientRegistration? FindClient(string clientId) =>
        options.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<EntityRow> Users() => orgs.Default.Store.Table("systemuser").InKeyOrder();
}
