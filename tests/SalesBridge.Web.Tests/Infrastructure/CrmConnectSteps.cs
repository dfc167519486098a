using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Text.Json;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Limits;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>The steps of connecting a contract as an admin does them, for the API, page and browser tests of CRM connect.</summary>
public static class CrmConnectSteps
{
    /// <summary>The org's closed loopback port: nothing listens there, so the org is unreachable.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// The body of <c>POST /api/v1/admin/crm/connection/application-user</c> for the integration app of the emulator's
    /// default org, or of the extra org <paramref name="extraOrg"/> (<c>v80</c>, <c>sandbox</c>: each has its own app user).
    /// </summary>
    public static object ApplicationUser(EmulatorServer emulator, string? extraOrg = null, string? url = null, string? secret = null)
    {
        var (clientId, clientSecret) = extraOrg is null
            ? (emulator.World.Spec.IntegrationClientId, emulator.World.Spec.IntegrationClientSecret)
            : ExtraOrgApplication(emulator, extraOrg);
        return new
        {
            organizationUrl = url ?? (extraOrg is null ? emulator.BaseUri.ToString() : $"{emulator.BaseUri}{extraOrg}/"),
            tenantId = emulator.Org.Settings.TenantId.ToString(),
            clientId = clientId.ToString(),
            clientSecret = secret ?? clientSecret,
        };
    }

    public static Task<HttpResponseMessage> ConnectApplicationUserAsync(this HttpClient api, EmulatorServer emulator, string? extraOrg = null, string? url = null, string? secret = null) =>
        api.PostAsJsonAsync("api/v1/admin/crm/connection/application-user", ApplicationUser(emulator, extraOrg, url, secret));

    private static (Guid ClientId, string Secret) ExtraOrgApplication(EmulatorServer emulator, string urlName)
    {
        var orgs = emulator.Services.GetRequiredService<OrgDirectory>();
        var org = orgs.Find(urlName) ?? throw new InvalidOperationException($"The emulator serves no org '{urlName}'.");
        var clientId = org.Store.Table("systemuser").InKeyOrder().Select(u => u["applicationid"]).OfType<Guid>().First();
        return (clientId, orgs.CredentialsOf(org).ClientSecretOf(clientId)!);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>
    /// Fills the emulator's sign-in form for <paramref name="authorizationUrl"/> as <paramref name="user"/>, like a browser,
    /// and returns where the sign-in page sends the browser back (SalesBridge's callback with code and state).
    /// </summary>
    public static async Task<Uri> SignInOnEmulatorAsync(this EmulatorServer emulator, Uri authorizationUrl, CrmUser user)
    {
        using var browser = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == emulator.Certificate!.GetCertHashString(),
            },
        });
        using var page = await browser.GetAsync(authorizationUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var fields = HttpUtility.ParseQueryString(authorizationUrl.Query);
        var form = fields.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => fields[key]!);
        form["username"] = user.DomainName;
        form["password"] = emulator.World.Spec.DemoPassword;
        using var posted = await browser.PostAsync(authorizationUrl.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        return posted.Headers.Location!;
    }

    /// <summary>The contract's connection row as stored, or null.</summary>
    public static Task<OrgConnection?> ConnectionAsync(this WorkspaceHost host, Guid contractId) =>
        host.QueryAsync(db => db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId));

    /// <summary>Requests the emulator's default org has served so far (an org URL refused up front must not add any).</summary>
    public static long RequestsServed(this EmulatorServer emulator) => emulator.Traffic().Calls.Total.Requests;
}
