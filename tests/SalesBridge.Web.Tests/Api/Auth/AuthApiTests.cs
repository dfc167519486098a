using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Users;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.Api.Auth;

[Collection(WorkspaceCollection.Name)]
public sealed class AuthApiTests(WorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Token_WrongPassword_Is401WithReason(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { email = contract.SeatHolder.Email, password = "wrong-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailAsync(response)).ShouldBe("The email or password is not correct.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Token_MissingPassword_Is400NamingTheField(string database)
    {
        var host = await fixture.HostAsync(database);
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { email = "someone@test.example.com" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("password is required.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Token_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = host.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("api/v1/auth/token", new { email = contract.SeatHolder.Email, password = "wrong-password" });
        }

        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { email = contract.SeatHolder.Email, password = TestContracts.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailAsync(response)).ShouldNotBeNull().ShouldContain("locked");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Refresh_ValidRefreshToken_GivesAWorkingAccessToken(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = host.CreateClient();
        var first = await (await client.PostAsJsonAsync("api/v1/auth/token", new { email = contract.SeatHolder.Email, password = TestContracts.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var refreshed = await client.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = first.GetProperty("refreshToken").GetString() });

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/people") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Refresh_ForgedToken_Is401(string database)
    {
        var host = await fixture.HostAsync(database);
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("api/v1/auth/refresh", new { refreshToken = "CfDJ8-not-a-real-token" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Api_UserDeletedAfterSignIn_TokenIsRefused(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var client = await host.ApiClientAsync(contract.OtherSeatHolder);
        (await client.GetAsync("api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            (await users.DeleteAsync((await users.FindByIdAsync(contract.OtherSeatHolder.Id.ToString()))!)).Succeeded.ShouldBeTrue();
        }

        (await client.GetAsync("api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_SignInCookieWithoutToken_Is401()
    {
        // The API takes bearer tokens only, so a page's cookie cannot be used to call it from another site.
        var host = await fixture.HostAsync(TestDatabases.Sqlite);
        var contract = await host.CreateAsync();
        using var browser = await host.PageClientAsync(contract.SeatHolder);
        (await browser.GetAsync("People")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.GetAsync("api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
