using System.Text.Json;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>Delta responses page with odata.maxpagesize; on an org of its own, every change is the test's.</summary>
public sealed class DeltaPagingTests : IAsyncLifetime
{
    private readonly TrackedOrg _org = new();

    public Task InitializeAsync() => _org.InitializeAsync();

    public Task DisposeAsync() => _org.DisposeAsync();

    [Fact]
    public async Task DeltaRead_MoreChangesThanPageSize_PagesRowsThenDeletionsWithDeltaLinkOnLastPage()
    {
        var client = await _org.ClientAsync();
        var doomed = new List<Guid>();
        for (var i = 0; i < 2; i++) doomed.Add(await client.CreateAsync("leads", new { lastname = $"Doomed {i}" }));
        var initial = await TrackedReads.ReadAllAsync(client, "leads?$select=lastname");
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++) created.Add(await client.CreateAsync("leads", new { lastname = $"Paged {i}" }));
        foreach (var id in doomed) (await client.DeleteAsync($"leads({id})")).EnsureSuccessStatusCode();

        var delta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink, maxPageSize: 2);

        delta.Pages.Count.ShouldBe(4);
        delta.Pages.Select(p => p.GetProperty("value").GetArrayLength()).ShouldBe([2, 2, 2, 1]);
        foreach (var page in delta.Pages.SkipLast(1))
        {
            page.TryGetProperty("@odata.deltaLink", out _).ShouldBeFalse();
            var next = page.GetProperty("@odata.nextLink").GetString()!;
            next.ShouldContain("$deltatoken=");
            next.ShouldContain("$skiptoken=");
        }
        delta.Rows.Select(r => r.GetProperty("leadid").GetGuid()).ShouldBe(created);
        delta.Deleted.Select(d => d.GetProperty("id").GetGuid()).ShouldBe(doomed);
        delta.Pages.ShouldAllBe(p => p.GetProperty("@odata.context").GetString()!.EndsWith("/$delta"));
    }

    [Fact]
    public async Task DeltaRead_RowUpdatedTwice_AppearsOnceInCurrentState()
    {
        var client = await _org.ClientAsync();
        var lead = await client.CreateAsync("leads", new { lastname = "Before" });
        var initial = await TrackedReads.ReadAllAsync(client, "leads?$select=lastname");

        (await client.SendAsync(Json(HttpMethod.Patch, $"leads({lead})", new { lastname = "Middle" }))).EnsureSuccessStatusCode();
        (await client.SendAsync(Json(HttpMethod.Patch, $"leads({lead})", new { lastname = "After" }))).EnsureSuccessStatusCode();
        var delta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink);

        delta.Values.ShouldHaveSingleItem().GetProperty("lastname").GetString().ShouldBe("After");
    }

    [Fact]
    public async Task DeltaRead_NoChanges_ReturnsEmptyValueAndNewDeltaLink()
    {
        var client = await _org.ClientAsync();
        var initial = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");
        _org.Time.Advance(TimeSpan.FromSeconds(5));

        var delta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink);

        delta.Values.ShouldBeEmpty();
        delta.DeltaLink.ShouldNotBe(initial.DeltaLink);
    }

    [Fact]
    public async Task TrackedRead_ChangeWhilePaging_ComesWithFirstDelta()
    {
        var client = await _org.ClientAsync();
        var first = await client.SendAsync(TrackedReads.Request("contacts?$select=lastname", maxPageSize: 1));
        var firstPage = await first.JsonAsync();
        var late = await client.CreateAsync("contacts", new { lastname = "Late" });

        string? next = firstPage.GetProperty("@odata.nextLink").GetString();
        JsonElement last = firstPage;
        while (next is not null)
        {
            last = await (await client.SendAsync(TrackedReads.Request(next, maxPageSize: 50))).JsonAsync();
            next = last.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        var delta = await TrackedReads.ReadAllAsync(client, last.GetProperty("@odata.deltaLink").GetString()!);

        delta.Rows.Select(r => r.GetProperty("contactid").GetGuid()).ShouldContain(late);
    }
}
