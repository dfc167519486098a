using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin.Crm;

/// <summary><c>/api/v1/admin/crm/connection</c>: connecting as an application user against the emulator, each failure with its S4 message and cause.</summary>
[Collection(CrmCollection.Name)]
public sealed class CrmConnectionApiTests(CrmWorkspaceFixture fixture)
{
    private const string Path = "api/v1/admin/crm/connection";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Status_NeverConnected_IsNotConnectedWithSignInAvailable(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var status = await (await api.GetAsync(Path)).JsonAsync();

        status.GetProperty("isConnected").GetBoolean().ShouldBeFalse();
        status.GetProperty("headline").GetString().ShouldBe("Not connected");
        status.GetProperty("adminSignInAvailable").GetBoolean().ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_Valid_ConnectsAndStatusShowsSyncInProgressWithoutSecrets(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        var spec = fixture.Emulator.World.Spec;

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("outcome").GetString().ShouldNotBe("Failed");
        var statusResponse = await api.GetAsync(Path);
        var text = await statusResponse.Content.ReadAsStringAsync();
        text.ShouldNotContain(spec.IntegrationClientSecret);
        var status = JsonDocument.Parse(text).RootElement;
        status.GetProperty("status").GetString().ShouldBe("Connected");
        status.GetProperty("headline").GetString().ShouldBe("Connected to Microsoft Dynamics");
        status.GetProperty("syncSummary").GetString().ShouldBe("Successfully connected, sync in progress");
        status.GetProperty("organizationName").GetString().ShouldBe(fixture.Emulator.Org.Settings.FriendlyName);
        status.GetProperty("environmentLabel").GetString().ShouldBe("Production");
        status.GetProperty("signInMethod").GetString().ShouldBe("ApplicationUser");
        status.GetProperty("signedInAs").GetString().ShouldBe(spec.IntegrationClientId.ToString());
        var stored = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        stored.ProtectedClientSecret.ShouldNotBeNull().ShouldNotContain(spec.IntegrationClientSecret);
        stored.CrmUserId.ShouldBe(fixture.Emulator.World.IntegrationUser.Id);
        stored.OrganizationId.ShouldBe(fixture.Emulator.Org.Settings.OrganizationId);
        stored.ConnectedById.ShouldBe(contract.Admin.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_SameOrgAgain_ReusesTheRow(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        (await api.ConnectApplicationUserAsync(fixture.Emulator)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();

        (await api.ConnectApplicationUserAsync(fixture.Emulator)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        second.Id.ShouldBe(first.Id);
        second.Revision.ShouldNotBe(first.Revision);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_OtherOrgWhileConnected_Is409AndKeepsTheConnection(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        (await api.ConnectApplicationUserAsync(fixture.Emulator)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, extraOrg: "sandbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("disconnect the current one first under Admin Settings > CRM Settings > Disconnect");
        (await host.ConnectionAsync(contract.Id))!.OrganizationUrl.ShouldBe(fixture.Emulator.BaseUri.ToString());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_OnPremisesUrl_Is422BeforeAnyRequest(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        var served = fixture.Emulator.RequestsServed();

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, url: "https://crm.contoso.local");

        await ShouldFailAsync(response, "OrganizationUrl", ConnectionFailureMessages.CouldNotConnect,
            "'crm.contoso.local' is not a Dynamics 365 online org. On-premises Dynamics servers (including Internet-facing deployments) " +
            "are not supported; enter the URL of an online org, e.g. https://contoso.crm.dynamics.com.");
        fixture.Emulator.RequestsServed().ShouldBe(served);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_HttpOnlineOrg_Is422WithTheHttpsCause(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, url: "http://contoso.crm4.dynamics.com");

        await ShouldFailAsync(response, "OrganizationUrl", ConnectionFailureMessages.CouldNotConnect,
            "'http://contoso.crm4.dynamics.com' does not use https. Dynamics 365 online orgs are reached over https only: https://contoso.crm4.dynamics.com.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_ClosedPort_Is422Unreachable(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, url: $"https://127.0.0.1:{CrmConnectSteps.ClosedPort()}/");

        var problem = await ShouldFailAsync(response, "Reachable", ConnectionFailureMessages.CouldNotConnect, null);
        var cause = problem.GetProperty("causes")[0].GetString()!;
        cause.ShouldStartWith("No answer from 127.0.0.1: ");
        cause.ShouldContain("refused", Case.Insensitive);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_WrongSecret_Is422CouldNotConnectWithEntrasAnswer(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, secret: "not-the-secret");

        var problem = await ShouldFailAsync(response, "SignedIn", ConnectionFailureMessages.CouldNotConnect, null);
        var cause = problem.GetProperty("causes")[0].GetString()!;
        cause.ShouldStartWith("Entra ID refused the sign-in (invalid_client): AADSTS7000215: Invalid client secret provided.");
        cause.ShouldNotContain("Trace ID");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("not-the-secret");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_Version80_Is422WithTheVersion(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, extraOrg: "v80");

        await ShouldFailAsync(response, "Version", ConnectionFailureMessages.CouldNotConnect,
            "The org runs Dynamics version 8.0. SalesBridge needs Dynamics 365 online 8.2 or newer; ask Microsoft to update the org.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_Sandbox_IsAcceptedAndLabelledSandbox(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.ConnectApplicationUserAsync(fixture.Emulator, extraOrg: "sandbox");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var status = await (await api.GetAsync(Path)).JsonAsync();
        status.GetProperty("isSandbox").GetBoolean().ShouldBeTrue();
        status.GetProperty("environmentLabel").GetString().ShouldBe("Sandbox");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ApplicationUser_BadFields_Is400NamingEachFieldAndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsJsonAsync($"{Path}/application-user", new { organizationUrl = fixture.Emulator.BaseUri.ToString(), tenantId = "contoso", clientId = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.GetProperty("tenantId")[0].GetString().ShouldBe("tenantId must be the directory (tenant) id, a GUID.");
        errors.GetProperty("clientId")[0].GetString().ShouldBe("clientId is required.");
        errors.GetProperty("clientSecret")[0].GetString().ShouldBe("clientSecret or clientCertificate is required.");
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_OnPremisesUrl_Is422AndGivesNoSignInUrl(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsJsonAsync($"{Path}/sign-in", new { organizationUrl = "https://crm.contoso.local" });

        var problem = await ShouldFailAsync(response, "OrganizationUrl", ConnectionFailureMessages.CouldNotConnect, null);
        problem.GetProperty("causes")[0].GetString()!.ShouldStartWith("'crm.contoso.local' is not a Dynamics 365 online org.");
        problem.TryGetProperty("authorizationUrl", out _).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignIn_FullRoundTrip_ConnectsAndTheStoredRefreshTokenKeepsWorking(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);
        using var web = await host.PageClientAsync(contract.Admin);
        var admin = fixture.Emulator.World.Admin;

        var started = await api.PostAsJsonAsync($"{Path}/sign-in", new { organizationUrl = fixture.Emulator.BaseUri.ToString(), loginHint = admin.DomainName });
        started.StatusCode.ShouldBe(HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
        var authorizationText = (await started.JsonAsync()).GetProperty("authorizationUrl").GetString()!;
        authorizationText.ShouldNotContain(" ", customMessage: "the sign-in URL is sent escaped, ready to open");
        var authorizationUrl = new Uri(authorizationText);
        var callback = await fixture.Emulator.SignInOnEmulatorAsync(authorizationUrl, admin);
        callback.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(host.BaseUri, "Admin/Crm/SignedIn").ToString());
        var completed = await web.GetAsync(callback.PathAndQuery);

        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
        completed.Headers.Location!.OriginalString.ShouldBe("/Admin/Crm");
        var stored = (await host.ConnectionAsync(contract.Id)).ShouldNotBeNull();
        stored.Status.ShouldBe(OrgConnectionStatus.Connected);
        stored.SignInMethod.ShouldBe(OrgSignInMethod.AdminSignIn);
        stored.SignedInAs.ShouldBe(admin.DomainName, StringCompareShould.IgnoreCase);
        stored.CrmUserId.ShouldBe(admin.Id);
        stored.ProtectedTokenCache.ShouldNotBeNullOrEmpty();
        stored.ProtectedTokenCache.ShouldNotContain("refresh_token", Case.Insensitive);
        stored.ProtectedClientSecret.ShouldBeNull();

        // As after a restart: a new provider finds the sign-in on the row and redeems its refresh token.
        var tokens = host.Services.GetRequiredService<OrgTokenProviders>();
        tokens.Forget(stored.Id);
        await using var scope = host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None);
        (await client.WhoAmIAsync(null, CancellationToken.None)).UserId.ShouldBe(admin.Id);
        await tokens.For(stored).GetTokenAsync(new SalesBridge.Dataverse.Authentication.TokenRequest(fixture.Emulator.BaseUri, ForceRefresh: true), CancellationToken.None);
        var status = await (await api.GetAsync(Path)).JsonAsync();
        status.GetProperty("signInMethod").GetString().ShouldBe("AdminSignIn");
        status.GetProperty("syncSummary").GetString().ShouldBe("Successfully connected, sync in progress");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SeatHolder_EveryEndpoint_Is403AndStoresNothing(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.SeatHolder);

        (await api.GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.ConnectApplicationUserAsync(fixture.Emulator)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync($"{Path}/sign-in", new { organizationUrl = fixture.Emulator.BaseUri.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.ConnectionAsync(contract.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_WithoutCrmSignInSetting_Is409NamingTheSetting()
    {
        await using var host = await WorkspaceHost.StartAsync(TestDatabases.Sqlite, builder =>
        {
            CrmWorkspaceFixture.UseEmulator(builder, fixture.Emulator);
            builder.Services.PostConfigure<CrmOptions>(crm => crm.SignIn = null);
        });
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsJsonAsync($"{Path}/sign-in", new { organizationUrl = fixture.Emulator.BaseUri.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("(setting Crm:SignIn)");
        var status = await (await api.GetAsync(Path)).JsonAsync();
        status.GetProperty("adminSignInAvailable").GetBoolean().ShouldBeFalse();
        status.GetProperty("adminSignInUnavailableReason").GetString()!.ShouldContain("Crm:SignIn");
    }

    /// <summary>A 422 whose failed step, S4 message and (when given) only cause are these; the report rides along.</summary>
    private static async Task<JsonElement> ShouldFailAsync(HttpResponseMessage response, string step, string message, string? cause)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("step").GetString().ShouldBe(step);
        problem.GetProperty("detail").GetString().ShouldBe(message);
        if (cause is not null) problem.GetProperty("causes").EnumerateArray().Select(c => c.GetString()).ShouldBe([cause]);
        var steps = problem.GetProperty("report").GetProperty("steps").EnumerateArray().ToList();
        steps.Single(s => s.GetProperty("outcome").GetString() == "Failed").GetProperty("kind").GetString().ShouldBe(step);
        return problem;
    }
}
