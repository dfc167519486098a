using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Identity;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

/// <summary>
/// A tiny emulator served over https with its generated certificate, a confidential web app registered for the
/// authorization-code flow, and the client's HTTP pipelines (Dataverse's and MSAL's) pinned to that certificate.
/// </summary>
public sealed class HttpsEmulatorFixture : IAsyncLifetime
{
    public const string WebAppClientId = "0c4e6f55-3f0b-4d9e-9a43-7d2b1c9e5a11";
    public const string WebAppSecret = "sb-test-web-app-secret";
    public static readonly Uri RedirectUri = new("https://salesbridge.example/signin-dataverse");

    private ServiceProvider _services = null!;

    public EmulatorServer Server { get; private set; } = null!;
    public DataverseClientFactory Factory { get; private set; } = null!;
    public MsalHttpClients MsalHttpClients { get; private set; } = null!;
    public string TenantId => Server.Org.Settings.TenantId.ToString("D");
    public Uri Resource => new(Server.BaseUri.GetLeftPart(UriPartial.Authority));

    public CrmUser Admin => Server.World.Users.First(u => u.Role == DemoUserRole.SystemAdministrator);
    public CrmUser Integration => Server.World.Users.First(u => u.Role == DemoUserRole.IntegrationUser);

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Size = "tiny" };
        options.Clients.Add(new ClientRegistration(WebAppClientId, WebAppSecret, [RedirectUri.ToString()]));
        Server = await EmulatorServer.StartAsync(options, "https://127.0.0.1:0");
        var services = new ServiceCollection();
        services.AddDataverseClientFactory().ConfigurePrimaryHttpMessageHandler(PinnedHandler);
        services.AddIdentityHttpClient().ConfigurePrimaryHttpMessageHandler(PinnedHandler);
        _services = services.BuildServiceProvider();
        Factory = _services.GetRequiredService<DataverseClientFactory>();
        MsalHttpClients = _services.GetRequiredService<MsalHttpClients>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Trusts exactly the emulator's certificate, nothing else (no system roots, no name checks skipped).</summary>
    public HttpMessageHandler PinnedHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => EmulatorCertificate.Matches(Server.Certificate!, certificate) },
    };

    public DataverseClient Client(ITokenProvider tokens) =>
        Factory.Create(new DataverseClientOptions { OrganizationUrl = Server.BaseUri, AllowNonDynamicsHost = true }, tokens);

    public ClientCredentialsTokenProviderOptions ApplicationUser(string? secret = null) => new()
    {
        TenantId = TenantId,
        ClientId = Server.World.Spec.IntegrationClientId.ToString("D"),
        ClientSecret = secret ?? Server.World.Spec.IntegrationClientSecret,
        Authority = new Uri(Server.BaseUri, TenantId),
        AllowNonEntraAuthority = true,
    };

    public AuthorizationCodeTokenProviderOptions WebApp() => new()
    {
        TenantId = TenantId,
        ClientId = WebAppClientId,
        ClientSecret = WebAppSecret,
        Authority = new Uri(Server.BaseUri, TenantId),
        AllowNonEntraAuthority = true,
        RedirectUri = RedirectUri,
    };

    /// <summary>
    /// What the admin's browser does: opens the sign-in page at <paramref name="authorizationUrl"/>, posts the form
    /// (its hidden fields are the URL's parameters) with the user's password, and follows the redirect no further
    /// than reading the code and state from it.
    /// </summary>
    public async Task<(string Code, string? State)> SignInAsync(Uri authorizationUrl, CrmUser user)
    {
        using var browser = new HttpClient(PinnedHandler());
        using var page = await browser.GetAsync(authorizationUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());

        var fields = HttpUtility.ParseQueryString(authorizationUrl.Query);
        var form = fields.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => fields[key]!);
        form["username"] = user.DomainName;
        form["password"] = user.Password!;
        using var posted = await browser.PostAsync(authorizationUrl.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var redirect = posted.Headers.Location!;
        redirect.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri.ToString());
        var query = HttpUtility.ParseQueryString(redirect.Query);
        return (query["code"] ?? throw new InvalidOperationException($"No code in {redirect}"), query["state"]);
    }
}
