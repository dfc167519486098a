using System.Net;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.WebApi;

/// <summary>An emulator started with another version and organization type reports them.</summary>
public sealed class ConfigurableOrgTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny", Version = "8.2.0.749", OrganizationType = 5, Seed = 7 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RetrieveVersionAndOrganization_ReportConfiguredValues()
    {
        var token = await TokenClient.ClientCredentialsAsync(_server, _server.World.Spec.IntegrationClientId.ToString(), _server.World.Spec.IntegrationClientSecret);
        using var client = new HttpClient { BaseAddress = _server.WebApiUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var version = await (await client.GetAsync("RetrieveVersion()")).JsonAsync();
        var organization = await client.GetAsync("RetrieveCurrentOrganization(AccessType=Microsoft.Dynamics.CRM.EndpointAccessType'Default')");

        version.GetProperty("Version").GetString().ShouldBe("8.2.0.749");
        organization.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await organization.JsonAsync()).GetProperty("Detail").GetProperty("OrganizationType").GetString().ShouldBe("CustomerTest");
    }

    [Fact]
    public async Task Token_WrongClientSecret_IsRefused()
    {
        var attempt = () => TokenClient.ClientCredentialsAsync(_server, _server.World.Spec.IntegrationClientId.ToString(), "wrong");

        (await attempt.ShouldThrowAsync<InvalidOperationException>()).Message.ShouldContain("AADSTS7000215");
    }
}
