using System.Net;
using SalesBridge.Emulator.ChangeTracking;
using SalesBridge.Emulator.Tests.Infrastructure;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>Delta tokens expire after the org's ExpireChangeTrackingInDays, measured on the org's clock.</summary>
public sealed class TokenExpiryTests : IAsyncLifetime
{
    private readonly TrackedOrg _org = new();

    public Task InitializeAsync() => _org.InitializeAsync();

    public Task DisposeAsync() => _org.DisposeAsync();

    [Fact]
    public async Task DeltaRead_TokenOlderThanExpiryWindow_Returns400ExpiredVersionStamp()
    {
        var days = _org.Server.Org.Settings.ExpireChangeTrackingInDays;
        var initial = await TrackedReads.ReadAllAsync(await _org.ClientAsync(), "contacts?$select=lastname");

        _org.Time.Advance(TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1));
        var young = await (await _org.ClientAsync()).GetAsync(initial.DeltaLink);
        _org.Time.Advance(TimeSpan.FromMinutes(2));
        var old = await (await _org.ClientAsync()).GetAsync(initial.DeltaLink);

        young.StatusCode.ShouldBe(HttpStatusCode.OK);
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (code, message) = await old.ErrorAsync();
        code.ShouldBe("0x80044352");
        message.ShouldBe("Version stamp associated with the client has expired. Please perform a full sync.");
    }

    [Fact]
    public async Task ExpireTokensIssuedBefore_IssuedToken_FailsWithConfiguredStatus()
    {
        var client = await _org.ClientAsync();
        var initial = await TrackedReads.ReadAllAsync(client, "contacts?$select=lastname");
        ChangeTrackingControl.Configure(_org.Server.Org, new ChangeTrackingPolicy { ExpiredTokenStatus = 410 });

        _org.Time.Advance(TimeSpan.FromSeconds(1));
        ChangeTrackingControl.ExpireTokensIssuedBefore(_org.Server.Org, _org.Time.GetUtcNow());
        var expired = await client.GetAsync(initial.DeltaLink);
        var fresh = await TrackedReads.ReadAllAsync(client, "contacts?$select=lastname");
        var freshDelta = await client.GetAsync(fresh.DeltaLink);

        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await expired.ErrorAsync()).Code.ShouldBe("0x80044352");
        freshDelta.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TrackedRead_AfterExpiryWindow_PrunesOldTombstones()
    {
        var client = await _org.ClientAsync();
        var doomed = await client.CreateAsync("contacts", new { lastname = "Pruned" });
        (await client.DeleteAsync($"contacts({doomed})")).EnsureSuccessStatusCode();
        var store = _org.Server.Org.Store;
        store.TombstonesSince(long.MinValue).ShouldContain(t => t.Id == doomed);

        _org.Time.Advance(TimeSpan.FromDays(_org.Server.Org.Settings.ExpireChangeTrackingInDays + 1));
        await TrackedReads.ReadAllAsync(await _org.ClientAsync(), "contacts?$select=lastname");

        store.TombstonesSince(long.MinValue).ShouldNotContain(t => t.Id == doomed);
    }
}
