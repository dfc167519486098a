using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin.Crm;

/// <summary><c>POST /api/v1/admin/crm/connection/application-user</c> with a certificate (.pfx) instead of a client secret.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmCertificateConnectionApiTests(CrmWorkspaceFixture fixture)
{
    private const string Path = "api/v1/admin/crm/connection";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_RegisteredCertificate_ConnectsStoresItProtectedAndStatusShowsThumbprint(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);
        var pfx = TestCertificates.PfxBase64(certificate);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, pfx));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = await (await api.GetAsync(Path)).Content.ReadAsStringAsync();
        var status = JsonDocument.Parse(text).RootElement;
        status.GetProperty("status").GetString().ShouldBe("Connected");
        status.GetProperty("signInMethod").GetString().ShouldBe("ApplicationUser");
        status.GetProperty("signedInAs").GetString().ShouldBe(fixture.Emulator.World.Spec.IntegrationClientId.ToString());
        status.GetProperty("signInDetail").GetString().ShouldBe($"(certificate {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})");
        status.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        text.ShouldNotContain(pfx[..40]);
        text.ShouldNotContain(TestCertificates.PfxPassword);
        var stored = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        stored.ProtectedClientSecret.ShouldBeNull();
        var protectedCertificate = stored.ProtectedClientCertificate.ShouldNotBeNull();
        protectedCertificate.ShouldNotContain(pfx[..40]);
        protectedCertificate.ShouldNotContain(Convert.ToBase64String(certificate.RawData)[..40]);
        // Kept without the upload's password: the protected copy alone opens it.
        var kept = host.Services.GetRequiredService<CrmSecretProtector>().UnprotectBytes(protectedCertificate);
        using var reloaded = X509CertificateLoader.LoadPkcs12(kept, null);
        reloaded.Thumbprint.ShouldBe(certificate.Thumbprint);
        reloaded.HasPrivateKey.ShouldBeTrue();

        await using var scope = host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None);
        (await client.WhoAmIAsync(null, CancellationToken.None)).UserId.ShouldBe(fixture.Emulator.World.IntegrationUser.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_PfxWithoutPassword_Connects(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);

        var response = await api.PostAsJsonAsync($"{Path}/application-user",
            TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate, password: null), password: null));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_SecretAndCertificate_Is400NamingBothAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(
            fixture.Emulator, TestCertificates.PfxBase64(certificate), secret: fixture.Emulator.World.Spec.IntegrationClientSecret));

        var errors = await ShouldBe400Async(response);
        errors.GetProperty("clientSecret")[0].GetString().ShouldBe("Give either clientSecret or clientCertificate, not both.");
        errors.GetProperty("clientCertificate")[0].GetString().ShouldBe("Give either clientSecret or clientCertificate, not both.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_NeitherSecretNorCertificate_Is400NamingBoth(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, certificate: null));

        var errors = await ShouldBe400Async(response);
        errors.GetProperty("clientSecret")[0].GetString().ShouldBe("clientSecret or clientCertificate is required.");
        errors.GetProperty("clientCertificate")[0].GetString().ShouldBe("clientSecret or clientCertificate is required.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    public static TheoryData<string, string, string> UnreadableCertificates()
    {
        using var certificate = TestCertificates.Create();
        var data = new TheoryData<string, string, string>();
        foreach (var database in ((IEnumerable<object[]>)TestDatabases.All).Select(row => (string)row[0]))
        {
            data.Add(database, "not base64 at all!", "clientCertificate must be the base64 of a .pfx (PKCS#12) file.");
            data.Add(database, Convert.ToBase64String("just some text, not a pfx"u8.ToArray()), "clientCertificate could not be read");
            data.Add(database, Convert.ToBase64String(certificate.Export(X509ContentType.Cert)), "clientCertificate");
            data.Add(database, Convert.ToBase64String(new byte[70 * 1024]), "clientCertificate must be a .pfx file of at most 64 KiB.");
        }
        return data;
    }

    [Theory, MemberData(nameof(UnreadableCertificates))]
    public async Task ApplicationUser_UnreadableCertificate_Is400WithAClearMessage(string database, string certificate, string expected)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, certificate));

        var errors = await ShouldBe400Async(response);
        var message = errors.GetProperty("clientCertificate")[0].GetString()!;
        message.ShouldStartWith(expected);
        message.ShouldNotContain(TestCertificates.PfxPassword);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_PublicCertificateOnlyInPfx_Is400NamingThePrivateKey(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Create();
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var pfx = Convert.ToBase64String(publicOnly.Export(X509ContentType.Pkcs12, TestCertificates.PfxPassword));

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, pfx));

        var errors = await ShouldBe400Async(response);
        errors.GetProperty("clientCertificate")[0].GetString()!.ShouldContain("private key");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_WrongPfxPassword_Is400NeverEchoingThePassword(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Create();

        var response = await api.PostAsJsonAsync($"{Path}/application-user",
            TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate), password: "Wrong-Pfx-Password-0815"));

        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Wrong-Pfx-Password-0815");
        var errors = await ShouldBe400Async(response);
        errors.GetProperty("clientCertificate")[0].GetString()!.ShouldContain("clientCertificatePassword is not its password");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_UnregisteredCertificate_Is422CouldNotConnectWithEntrasAnswer(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Create();

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate)));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("step").GetString().ShouldBe("SignedIn");
        problem.GetProperty("detail").GetString().ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        problem.GetProperty("causes")[0].GetString()!.ShouldStartWith("Entra ID refused the sign-in (invalid_client): AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.");
        text.ShouldNotContain(TestCertificates.PfxPassword);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_SeatHolderWithCertificate_Is403AndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.SeatHolder);
        using var certificate = TestCertificates.Registered(fixture.Emulator);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Disconnect_ConnectedWithCertificate_WipesTheCertificate(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);
        (await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await api.PostAsJsonAsync("api/v1/admin/crm/disconnect", new { cleanUp = false });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        stored.Status.ShouldBe(OrgConnectionStatus.Disconnected);
        stored.ProtectedClientCertificate.ShouldBeNull();
        stored.ProtectedClientSecret.ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_CertificateExpiringWithin30Days_PassesWithAWarning(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator, notAfter: DateTimeOffset.UtcNow.AddDays(10));
        (await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var check = await api.PostAsync($"{Path}/check", null);

        var health = await check.JsonAsync();
        check.StatusCode.ShouldBe(HttpStatusCode.OK, health.ToString());
        health.GetProperty("status").GetString().ShouldBe("Connected");
        health.GetProperty("failureMessage").ValueKind.ShouldBe(JsonValueKind.Null);
        health.GetProperty("warnings")[0].GetString()!.ShouldStartWith($"The certificate {certificate.Thumbprint} of the application user expires on ");
        var status = await (await api.GetAsync(Path)).JsonAsync();
        status.GetProperty("warnings")[0].GetString()!.ShouldContain(certificate.Thumbprint);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Check_ExpiredCertificate_FailsWithWhatToDo(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var certificate = TestCertificates.Registered(fixture.Emulator);
        (await api.PostAsJsonAsync($"{Path}/application-user", TestCertificates.ApplicationUser(fixture.Emulator, TestCertificates.PfxBase64(certificate))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // The certificate lapsed since: stored as if it had been uploaded a year ago.
        using var lapsed = TestCertificates.Create(notAfter: DateTimeOffset.UtcNow.AddDays(-1), notBefore: DateTimeOffset.UtcNow.AddYears(-1));
        var protector = host.Services.GetRequiredService<CrmSecretProtector>();
        await host.QueryAsync(db => db.OrgConnections.Where(c => c.ContractId == contract.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedClientCertificate, protector.Protect(lapsed.Export(X509ContentType.Pkcs12)))));

        var check = await api.PostAsync($"{Path}/check", null);

        var health = await check.JsonAsync();
        check.StatusCode.ShouldBe(HttpStatusCode.OK, health.ToString());
        health.GetProperty("status").GetString().ShouldBe("Failing");
        health.GetProperty("failureMessage").GetString().ShouldBe(ConnectionFailureMessages.CouldNotConnect);
        health.GetProperty("failureCauses")[0].GetString()!.ShouldStartWith($"The certificate {lapsed.Thumbprint} of the application user expired on ");
    }

    private static async Task<JsonElement> ShouldBe400Async(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }
}
