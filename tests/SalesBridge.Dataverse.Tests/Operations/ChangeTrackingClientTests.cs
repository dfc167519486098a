using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Dataverse.Tests.Operations;

/// <summary>The client's change-tracking reads against an emulator of their own, with a clock the test moves.</summary>
public sealed class ChangeTrackingClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private EmulatorServer _server = null!;
    private ServiceProvider _services = null!;
    private DataverseClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, time: _time);
        _services = new ServiceCollection().AddDataverseClientFactory().Services.BuildServiceProvider();
        _client = _services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions { OrganizationUrl = _server.BaseUri, AllowNonDynamicsHost = true, PageSize = 4 },
            new FixedTokenProvider(await TokenAsync()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ReadChanges_FirstThenDelta_SurfacesUpsertsAndDeletions()
    {
        var first = _client.ReadChanges("contacts", ["fullname"]);
        var initial = await first.ToListAsync();
        var created = await _client.CreateAsync("contacts", new JsonObject { ["lastname"] = "Since" });

        var delta = _client.ReadChanges("contacts", ["fullname"], first.DeltaLink);
        var changes = await delta.ToListAsync();

        initial.Count.ShouldBe(_server.World.Contacts.Count);
        first.Pages.ShouldBe((initial.Count + 3) / 4);
        changes.ShouldHaveSingleItem().ShouldBeOfType<TrackedChange.Upserted>().Row["contactid"]!.GetValue<string>().ShouldBe(created.ToString());
        delta.DeltaLink.ShouldNotBeNull();
        delta.DeltaLink.ShouldNotBe(first.DeltaLink);
    }

    [Fact]
    public async Task ReadChanges_ExpiredToken_ThrowsChangeTokenExpired()
    {
        var first = _client.ReadChanges("accounts", ["name"]);
        await first.ToListAsync();
        _time.Advance(TimeSpan.FromDays(_server.Org.Settings.ExpireChangeTrackingInDays + 1));
        var client = _services.GetRequiredService<DataverseClientFactory>().Create(
            new DataverseClientOptions { OrganizationUrl = _server.BaseUri, AllowNonDynamicsHost = true }, new FixedTokenProvider(await TokenAsync()));

        var error = await Should.ThrowAsync<DataverseChangeTokenExpiredException>(async () => await client.ReadChanges("accounts", ["name"], first.DeltaLink).ToListAsync());

        error.ErrorCode.ShouldBe("0x80044352");
    }

    private Task<string> TokenAsync() => _server.IntegrationTokenAsync();
}
