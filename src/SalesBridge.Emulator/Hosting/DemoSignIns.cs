using System.Text;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>What a new user needs to reach the demo org: its URLs and the demo accounts with their roles.</summary>
public static class DemoSignIns
{
    public static string Describe(string baseUrl, EmulatedOrg org, DemoWorld.GeneratedWorld world)
    {
        var tenant = org.Settings.TenantId;
        var text = new StringBuilder();
        text.AppendLine($"Dataverse emulator: {org.Settings.FriendlyName} (version {org.Settings.Version})");
        text.AppendLine($"  Web API:        {baseUrl}/api/data/v9.2/");
        text.AppendLine($"  Token endpoint: {baseUrl}/{tenant}/oauth2/v2.0/token   (scope {baseUrl}/.default)");
        text.AppendLine($"  Sign-in page:   {baseUrl}/{tenant}/oauth2/v2.0/authorize");
        text.AppendLine("Demo sign-ins:");
        foreach (var user in world.Users.Where(u => u.Role != DemoUserRole.Salesperson).Concat(world.Users.Where(u => u.Role == DemoUserRole.Salesperson).Take(2)))
        {
            var secret = user.ApplicationId is { } app
                ? $"client_id={app} client_secret={world.Spec.IntegrationClientSecret}"
                : $"{user.DomainName} / {user.Password ?? "(no password)"}";
            text.AppendLine($"  {user.Role,-36} {user.FullName,-28} {secret}");
        }
        return text.ToString();
    }

    /// <summary>An additional org: where it is and how its integration user signs in.</summary>
    public static string DescribeAdditional(string baseUrl, EmulatedOrg org, OrgCredentials credentials)
    {
        var app = org.Store.Table("systemuser").InKeyOrder().FirstOrDefault(u => u["applicationid"] is Guid);
        var appId = app?["applicationid"] as Guid?;
        var secret = appId is { } id ? credentials.ClientSecretOf(id) : null;
        return $"Org {org.Settings.UrlName}: {baseUrl}/{org.Settings.UrlName}/api/data/v9.2/   integration client_id={appId} client_secret={secret}";
    }
}
