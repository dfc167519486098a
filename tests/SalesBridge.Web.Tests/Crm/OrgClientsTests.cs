using Microsoft.Extensions.DependencyInjection;
using SalesBridge.CrmConnection;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Crm;

[Collection(CrmCollection.Name)]
public sealed class OrgClientsTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ForContract_StoredApplicationUser_SignsInOverPinnedHttps(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);

        await using var scope = host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None);
        var me = await client.WhoAmIAsync(null, CancellationToken.None);

        me.UserId.ShouldBe(fixture.Emulator.World.IntegrationUser.Id);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ForContract_StoredSecret_IsNotPlainText(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var connection = await host.ConnectApplicationUserAsync(contract, fixture.Emulator);

        connection.ProtectedClientSecret.ShouldNotBeNull();
        connection.ProtectedClientSecret.ShouldNotContain(fixture.Emulator.World.Spec.IntegrationClientSecret);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ForContract_NotConnected_IsRefusedWithWhatToDo(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var refusal = await Should.ThrowAsync<ConflictException>(
            () => scope.ServiceProvider.GetRequiredService<OrgClients>().ForContractAsync(contract.Id, CancellationToken.None));
        refusal.Message.ShouldContain("Connect it under Admin Settings > CRM Settings");
    }
}
