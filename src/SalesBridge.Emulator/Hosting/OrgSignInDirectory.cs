using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Signs in the users of every served org: interactive users by UPN, application users by application id.</summary>
public sealed class OrgSignInDirectory(OrgDirectory orgs, EmulatorOptions options) : ISignInDirectory
{
    public SignInAccount? FindUser(string userName)
    {
        foreach (var org in orgs.All)
        {
            var user = Users(org).FirstOrDefault(u =>
                u["applicationid"] is null && string.Equals(u["domainname"] as string, userName, StringComparison.OrdinalIgnoreCase));
            if (user?["azureactivedirectoryobjectid"] is Guid objectId)
            {
                return new SignInAccount(objectId, (string)user["domainname"]!, user["fullname"] as string ?? userName,
                    orgs.CredentialsOf(org).PasswordOf(userName), user["isdisabled"] is true);
            }
        }
        return null;
    }

    public SignInAccount? FindApplication(string clientId)
    {
        if (!Guid.TryParse(clientId, out var applicationId)) return null;
        foreach (var org in orgs.All)
        {
            var user = Users(org).FirstOrDefault(u => u["applicationid"] is Guid id && id == applicationId);
            if (user is not null)
            {
                return new SignInAccount(user["azureactivedirectoryobjectid"] as Guid? ?? user.Id, clientId, user["fullname"] as string ?? clientId,
                    orgs.CredentialsOf(org).ClientSecretOf(applicationId), user["isdisabled"] is true)
                {
                    Certificates = orgs.CredentialsOf(org).ClientCertificatesOf(applicationId),
                };
            }
        }
        return null;
    }

    public ClientRegistration? FindClient(string clientId) =>
        options.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<EntityRow> Users(Org.EmulatedOrg org) => org.Store.Table("systemuser").InKeyOrder();
}
