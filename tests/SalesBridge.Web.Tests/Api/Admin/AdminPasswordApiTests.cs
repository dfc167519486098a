using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Admin;

/// <summary>PUT /api/v1/admin/users/{id}/password: how users without a password (assigned a seat from the CRM) get one.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AdminPasswordApiTests(WorkspaceFixture fixture)
{
    private const string NewPassword = "Fresh2026pass";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetPassword_UserWithoutPassword_CanSignInAfterwards(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var email = $"from.crm.{Guid.NewGuid():N}@test.example.com";
        Guid userId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // As Assign seats from CRM makes them: no password at all.
            var user = new WorkspaceUser { ContractId = mine.Id, DisplayName = "From Crm", UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            (await scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
            userId = user.Id;
        }
        using var admin = await host.ApiClientAsync(mine.Admin);
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync("api/v1/auth/token", new { email, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var set = await admin.PutAsJsonAsync($"api/v1/admin/users/{userId}/password", new { password = NewPassword });

        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await set.Content.ReadAsStringAsync()).ShouldNotContain(NewPassword);
        (await anonymous.PostAsJsonAsync("api/v1/auth/token", new { email, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetPassword_ReplacesTheOldOneAndLiftsALockout(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var anonymous = host.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await anonymous.PostAsJsonAsync("api/v1/auth/token", new { email = mine.SeatHolder.Email, password = "wrong-Password1" });
        }
        using var admin = await host.ApiClientAsync(mine.Admin);
        var locked = await admin.GetFromJsonAsync<ContractUserSummary>($"api/v1/admin/users/{mine.SeatHolder.Id}", ApiSignIn.Json);
        locked!.LockedOutUntil.ShouldNotBeNull();

        using var set = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/password", new { password = NewPassword });

        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.Content.ReadFromJsonAsync<ContractUserSummary>(ApiSignIn.Json))!.LockedOutUntil.ShouldBeNull();
        (await anonymous.PostAsJsonAsync("api/v1/auth/token", new { email = mine.SeatHolder.Email, password = TestContracts.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("api/v1/auth/token", new { email = mine.SeatHolder.Email, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetPassword_WeakOrMissing_400NamingPasswordAndTheOldOneStillWorks(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        using var admin = await host.ApiClientAsync(mine.Admin);

        using var weak = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/password", new { password = "short" });
        using var missing = await admin.PutAsJsonAsync($"api/v1/admin/users/{mine.SeatHolder.Id}/password", new { });

        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBeGreaterThan(0);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("password is required.");
        using var stillWorks = await host.ApiClientAsync(mine.SeatHolder);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SetPassword_SeatHolder403_OtherContractsUser404_NothingChanged(string database)
    {
        var host = await fixture.HostAsync(database);
        var mine = await host.CreateAsync();
        var other = await host.CreateAsync();
        using var seller = await host.ApiClientAsync(mine.SeatHolder);
        using var admin = await host.ApiClientAsync(mine.Admin);

        using var bySeller = await seller.PutAsJsonAsync($"api/v1/admin/users/{mine.OtherSeatHolder.Id}/password", new { password = NewPassword });
        using var acrossContracts = await admin.PutAsJsonAsync($"api/v1/admin/users/{other.SeatHolder.Id}/password", new { password = NewPassword });

        bySeller.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        acrossContracts.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherStillSignsIn = await host.ApiClientAsync(other.SeatHolder);
        using var colleagueStillSignsIn = await host.ApiClientAsync(mine.OtherSeatHolder);
    }
}
