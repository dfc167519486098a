using System.Net;
using System.Text.RegularExpressions;
using SalesBridge.Emulator.Tests.Infrastructure;
using static SalesBridge.Emulator.Tests.Infrastructure.DataverseHttp;

namespace SalesBridge.Emulator.Tests.ChangeTracking;

/// <summary>Tracked reads and delta links on the shared demo org; assertions look only at rows the test made.</summary>
[Collection("Emulator")]
public sealed class DeltaReadTests(EmulatorFixture emulator)
{
    [Fact]
    public async Task TrackedRead_AllPages_DeltaLinkOnLastPageOnly()
    {
        var client = await emulator.ClientAsync();
        var mine = await client.CreateAsync("accounts", new { name = Unique("ct-initial") });

        var read = await TrackedReads.ReadAllAsync(client, "accounts?$select=name", maxPageSize: 40);

        read.Pages.Count.ShouldBeGreaterThan(1);
        foreach (var page in read.Pages.SkipLast(1))
        {
            page.TryGetProperty("@odata.deltaLink", out _).ShouldBeFalse();
            page.GetProperty("@odata.nextLink").GetString()!.ShouldContain("$skiptoken=");
        }
        read.Pages[^1].TryGetProperty("@odata.nextLink", out _).ShouldBeFalse();
        read.DeltaLink.ShouldStartWith(emulator.WebApi + "accounts?$select=name&$deltatoken=");
        read.Rows.Select(r => r.GetProperty("accountid").GetGuid()).ShouldContain(mine);
        read.Rows.Select(r => r.GetProperty("accountid").GetGuid()).ShouldBeUnique();
    }

    [Fact]
    public async Task TrackedRead_FirstPage_AppliesPreferenceAndContextLikeAQuery()
    {
        var client = await emulator.ClientAsync();

        var response = await client.SendAsync(TrackedReads.Request("accounts?$select=name,accountnumber", maxPageSize: 5));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Preference-Applied").ShouldContain("odata.track-changes");
        var body = await response.JsonAsync();
        body.GetProperty("@odata.context").GetString().ShouldBe(emulator.WebApi + "$metadata#accounts(name,accountnumber)");
        body.GetProperty("value").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task TrackedRead_DeltaToken_HasDataverseShape()
    {
        var client = await emulator.ClientAsync();

        var read = await TrackedReads.ReadAllAsync(client, "leads?$select=lastname");

        // The docs' delta link ends in $deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44.
        read.DeltaLink.ShouldMatch(@"\$deltatoken=\d+%21\d\d%2f\d\d%2f\d{4}%20\d\d%3a\d\d%3a\d\d$");
        Regex.IsMatch(TrackedReads.DeltaToken(read.DeltaLink), @"^\d+!\d\d/\d\d/\d{4} \d\d:\d\d:\d\d$").ShouldBeTrue();
    }

    [Fact]
    public async Task Delta_AfterCreateUpdateDelete_ReturnsChangedRowsThenDeletions()
    {
        var client = await emulator.ClientAsync(emulator.Admin); // the integration role may not delete
        var updated = await client.CreateAsync("accounts", new { name = Unique("ct-update") });
        var deleted = await client.CreateAsync("accounts", new { name = Unique("ct-delete") });
        var untouched = await client.CreateAsync("accounts", new { name = Unique("ct-same") });
        var initial = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");

        var created = await client.CreateAsync("accounts", new { name = "ct-created" });
        (await client.SendAsync(Json(HttpMethod.Patch, $"accounts({updated})", new { name = "ct-renamed" }))).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"accounts({deleted})")).EnsureSuccessStatusCode();
        var delta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink);

        var body = delta.Pages.Single();
        body.GetProperty("@odata.context").GetString().ShouldBe(emulator.WebApi + "$metadata#accounts(name)/$delta");
        var values = delta.Values.ToList();
        var rows = delta.Rows.ToDictionary(r => r.GetProperty("accountid").GetGuid(), r => r.GetProperty("name").GetString());
        rows[created].ShouldBe("ct-created");
        rows[updated].ShouldBe("ct-renamed");
        rows.ShouldNotContainKey(untouched);
        rows.ShouldNotContainKey(deleted);
        var gone = delta.Deleted.Single(d => d.GetProperty("id").GetGuid() == deleted);
        gone.GetProperty("@odata.context").GetString().ShouldBe(emulator.WebApi + "$metadata#accounts/$deletedEntity");
        gone.GetProperty("reason").GetString().ShouldBe("deleted");
        gone.EnumerateObject().Select(p => p.Name).ShouldBe(["@odata.context", "id", "reason"]);
        values.FindLastIndex(v => !TrackedReads.IsDeleted(v)).ShouldBeLessThan(values.FindIndex(TrackedReads.IsDeleted));
    }

    [Fact]
    public async Task Delta_RowCreatedAndDeletedBetweenTokens_AppearsOnlyAsDeleted()
    {
        var client = await emulator.ClientAsync(emulator.Admin); // the integration role may not delete
        var initial = await TrackedReads.ReadAllAsync(client, "contacts?$select=lastname");

        var fleeting = await client.CreateAsync("contacts", new { lastname = Unique("ct-fleeting") });
        (await client.DeleteAsync($"contacts({fleeting})")).EnsureSuccessStatusCode();
        var delta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink);

        delta.Rows.ShouldNotContain(r => r.GetProperty("contactid").GetGuid() == fleeting);
        delta.Deleted.Count(d => d.GetProperty("id").GetGuid() == fleeting).ShouldBe(1);
    }

    [Fact]
    public async Task Delta_FromNewDeltaLink_ReturnsOnlyLaterChanges()
    {
        var client = await emulator.ClientAsync();
        var initial = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");
        var first = await client.CreateAsync("accounts", new { name = Unique("ct-first") });
        var firstDelta = await TrackedReads.ReadAllAsync(client, initial.DeltaLink);

        var second = await client.CreateAsync("accounts", new { name = Unique("ct-second") });
        var secondDelta = await TrackedReads.ReadAllAsync(client, firstDelta.DeltaLink);

        var ids = secondDelta.Rows.Select(r => r.GetProperty("accountid").GetGuid()).ToList();
        ids.ShouldContain(second);
        ids.ShouldNotContain(first);
        firstDelta.DeltaLink.ShouldNotBe(initial.DeltaLink);
    }

    [Fact]
    public async Task Delta_WithoutPreferHeader_StillReturnsChanges()
    {
        var client = await emulator.ClientAsync();
        var initial = await TrackedReads.ReadAllAsync(client, "accounts?$select=name");
        var created = await client.CreateAsync("accounts", new { name = Unique("ct-noprefer") });

        // The docs' delta request sends no Prefer header.
        var response = await client.GetAsync(initial.DeltaLink);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("value").EnumerateArray().ShouldContain(r => r.GetProperty("accountid").GetGuid() == created);
        body.GetProperty("@odata.deltaLink").GetString()!.ShouldContain("$deltatoken=");
    }
}
