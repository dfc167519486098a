using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Web;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Pages.Admin.Crm;

/// <summary>Connect to CRM as an application user with a certificate: the .pfx uploaded through the page (multipart form).</summary>
[Collection(CrmCollection.Name)]
public sealed partial class CrmCertificateConnectPageTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_UploadedPfx_ConnectsAndCrmSettingsShowsTheCertificate(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);

        var response = await PostCertificateAsync(web, certificate.Export(X509ContentType.Pkcs12, TestCertificates.PfxPassword), TestCertificates.PfxPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var settings = HttpUtility.HtmlDecode(await web.GetStringAsync("Admin/Crm"));
        settings.ShouldContain($"Application user {fixture.Emulator.World.Spec.IntegrationClientId} (certificate {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})");
        var stored = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        stored.SignInMethod.ShouldBe(OrgSignInMethod.ApplicationUser);
        stored.ProtectedClientCertificate.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_FileOver64KiB_ShowsTheLimitNextToTheFileAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var response = await PostCertificateAsync(web, new byte[65 * 1024], TestCertificates.PfxPassword);

        var html = HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("The certificate file must be a .pfx file of at most 64 KiB.");
        html.ShouldNotContain(TestCertificates.PfxPassword);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_CertificateChosenWithoutFile_SaysWhatIsMissing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var response = await PostCertificateAsync(web, pfx: null, password: null);

        var html = HttpUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("clientSecret or clientCertificate is required.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Connect_Page_OffersSecretOrCertificateWithLabelledInputs(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var web = await host.PageClientAsync(contract.Admin);

        var html = await web.GetStringAsync("Admin/Crm/Connect");

        html.ShouldContain("enctype=\"multipart/form-data\"");
        html.ShouldContain("Client secret");
        html.ShouldContain("Certificate (.pfx)");
        html.ShouldContain("type=\"file\"");
        html.ShouldContain("for=\"Input_ClientCertificate\"");
        html.ShouldContain("for=\"Input_ClientCertificatePassword\"");
    }

    private async Task<HttpResponseMessage> PostCertificateAsync(HttpClient web, byte[]? pfx, string? password)
    {
        var token = AntiforgeryToken().Match(await web.GetStringAsync("Admin/Crm/Connect")).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(fixture.Emulator.BaseUri.ToString()), "Input.OrganizationUrl" },
            { new StringContent(fixture.Emulator.Org.Settings.TenantId.ToString()), "Input.TenantId" },
            { new StringContent(fixture.Emulator.World.Spec.IntegrationClientId.ToString()), "Input.ClientId" },
            { new StringContent("Certificate"), "Input.Credential" },
        };
        if (password is not null) form.Add(new StringContent(password), "Input.ClientCertificatePassword");
        if (pfx is not null)
        {
            var file = new ByteArrayContent(pfx);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
            form.Add(file, "Input.ClientCertificate", "integration.pfx");
        }
        return await web.PostAsync("Admin/Crm/Connect?handler=ApplicationUser", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
