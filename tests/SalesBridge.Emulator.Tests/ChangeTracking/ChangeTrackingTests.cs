using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>Change tracking over HTTP on an org of its own, with a clock the tests move.</summary>
public sealed class ChangeTrackingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private EmulatorServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Size = "tiny" }, time: _time);
        var spec = _server.World.Spec;
        _client = new HttpClient { BaseAddress = _server.WebApiUri };
        _client.DefaultRequestHeaders.Authorization = new("Bearer",
            await TokenClient.ClientCredentialsAsync(_server, spec.IntegrationClientId.ToString(), spec.IntegrationClientSecret));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task InitialRead_Paged_DeltaLinkOnlyOnLastPage()
    {
        var pages = await ReadAllAsync("contacts?$select=fullname", pageSize: 10);

        var total = _server.Org.Store.Table("contact").Count;
        pages.Sum(p => p.GetProperty("value").GetArrayLength()).ShouldBe(total);
        foreach (var page in pages.Take(pages.Count - 1))
        {
            page.TryGetProperty("@odata.nextLink", out _).ShouldBeTrue();
            page.TryGetProperty("@odata.deltaLink", out _).ShouldBeFalse();
        }
        pages[^1].GetProperty("@odata.deltaLink").GetString()!.ShouldContain("$deltatoken=");
        pages.Count.ShouldBe((total + 9) / 10);
    }

    [Fact]
    public async Task Delta_CreatedUpdatedThenDeleted_InDocumentedShape()
    {
        var deltaLink = (await ReadAllAsync("accounts?$select=name,accountnumber"))[^1].GetProperty("@odata.deltaLink").GetString()!;
        var created = await _client.CreateAsync("accounts", new { name = "New since token" });
        var updated = _server.World.Accounts[0].Id;
        await _client.SendAsync(Json(HttpMethod.Patch, $"accounts({updated})", new { name = "Renamed" }));
        var doomed = await _client.CreateAsync("accounts", new { name = "Short-lived" });
        var admin = await TokenClient.SignInAsync(_server, _server.World.Admin.DomainName, _server.World.Admin.Password!);
        using var adminClient = new HttpClient { BaseAddress = _server.WebApiUri };
        adminClient.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        var deleted = _server.World.Accounts[1].Id;
        (await adminClient.DeleteAsync($"accounts({deleted})")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await adminClient.DeleteAsync($"accounts({doomed})")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var page = await GetTrackedAsync(deltaLink);

        page.GetProperty("@odata.context").GetString()!.ShouldEndWith("$metadata#accounts(name,accountnumber,accountid)/$delta");
        var items = page.GetProperty("value").EnumerateArray().ToArray();
        var changed = items.Where(i => i.TryGetProperty("accountid", out _)).Select(i => i.GetProperty("accountid").GetGuid()).ToArray();
        changed.ShouldBe([created, updated], ignoreOrder: true);
        var removals = items.Where(i => i.TryGetProperty("reason", out _)).ToArray();
        removals.Select(r => r.GetProperty("id").GetGuid()).ShouldBe([deleted, doomed], ignoreOrder: true);
        removals[0].GetProperty("@odata.context").GetString().ShouldBe($"{_server.WebApiUri}$metadata#accounts/$deletedEntity");
        removals[0].GetProperty("reason").GetString().ShouldBe("deleted");
        Array.IndexOf(items, removals[0]).ShouldBeGreaterThan(Array.FindLastIndex(items, i => i.TryGetProperty("accountid", out _)));

        var next = await GetTrackedAsync(page.GetProperty("@odata.deltaLink").GetString()!);
        next.GetProperty("value").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("$filter=name ne null", "$filter")]
    [InlineData("$orderby=name", "$orderby")]
    [InlineData("$top=5", "$top")]
    [InlineData("$expand=primarycontactid", "$expand")]
    public async Task TrackedRead_RefusedOption_ExactMessage(string option, string name)
    {
        var response = await _client.SendAsync(Tracked($"accounts?$select=name&{option}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldBe($"The \"{name}\" query parameter isn't supported when Change Tracking is enabled.");
    }

    [Fact]
    public async Task TrackedRead_TableWithoutChangeTracking_Refused()
    {
        var response = await _client.SendAsync(Tracked("roles?$select=name"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("'role'");
    }

    [Fact]
    public async Task Delta_TokenOfAnotherTable_Refused()
    {
        var contactsLink = (await ReadAllAsync("contacts?$select=fullname"))[^1].GetProperty("@odata.deltaLink").GetString()!;
        var token = contactsLink[(contactsLink.IndexOf("$deltatoken=", StringComparison.Ordinal) + "$deltatoken=".Length)..];

        var response = await _client.SendAsync(Tracked($"accounts?$select=name&$deltatoken={token}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("'contact'");
    }

    [Fact]
    public async Task Delta_TokenOlderThanRetention_ExpiredVersionStamp()
    {
        var link = (await ReadAllAsync("leads?$select=fullname"))[^1].GetProperty("@odata.deltaLink").GetString()!;
        _time.Advance(TimeSpan.FromDays(_server.Org.Settings.ExpireChangeTrackingInDays + 1));
        var spec = _server.World.Spec;
        _client.DefaultRequestHeaders.Authorization = new("Bearer",
            await TokenClient.ClientCredentialsAsync(_server, spec.IntegrationClientId.ToString(), spec.IntegrationClientSecret));

        var response = await _client.SendAsync(Tracked(link));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldBe(("0x80044352", "Version stamp associated with the client has expired. Please perform a full sync."));
    }

    [Fact]
    public async Task TrackedRead_SalespersonWithLocalRead_NeedsOrganizationLevelRead()
    {
        var seller = _server.World.Users.First(u => u.Role == SalesBridge.Emulator.DemoWorld.DemoUserRole.Salesperson && !u.IsDisabled);
        using var client = new HttpClient { BaseAddress = _server.WebApiUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenClient.SignInAsync(_server, seller.DomainName, seller.Password!));

        var response = await client.SendAsync(Tracked("accounts?$select=name"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delta_GarbledToken_Refused()
    {
        var response = await _client.SendAsync(Tracked("accounts?$select=name&$deltatoken=not-a-token"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.ShouldContain("not-a-token");
    }

    private static HttpRequestMessage Tracked(string url, int? pageSize = null) =>
        Json(HttpMethod.Get, url, null, ("Prefer", pageSize is null ? "odata.track-changes" : $"odata.track-changes,odata.maxpagesize={pageSize}"));

    private async Task<JsonElement> GetTrackedAsync(string url, int? pageSize = null)
    {
        var response = await _client.SendAsync(Tracked(url, pageSize));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Preference-Applied").ShouldContain("odata.track-changes");
        return await response.JsonAsync();
    }

    private async Task<List<JsonElement>> ReadAllAsync(string url, int? pageSize = null)
    {
        var pages = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var page = await GetTrackedAsync(next, pageSize);
            pages.Add(page);
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        return pages;
    }
}
