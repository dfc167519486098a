using System.Text.Json.Nodes;
using System.Web;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Emulator.DemoWorld;

// Not ...Tests.Authentication: that would shadow SalesBridge.Dataverse.Authentication in the other test folders.
namespace SalesBridge.Dataverse.Tests.TokenProviders;

public sealed class AuthorizationCodeTokenProviderTests(HttpsEmulatorFixture emulator) : IClassFixture<HttpsEmulatorFixture>
{
    private AuthorizationCodeTokenProvider Provider(ITokenCacheStore store) => new(emulator.WebApp(), store, emulator.MsalHttpClients);

    private async Task<(AuthorizationCodeTokenProvider Provider, DataverseSignedInUser User)> SignedInAsync(CrmUser user, ITokenCacheStore store)
    {
        var provider = Provider(store);
        var request = await provider.StartSignInAsync(emulator.Resource, user.DomainName);
        var (code, state) = await emulator.SignInAsync(request.AuthorizationUrl, user);
        return (provider, await provider.CompleteSignInAsync(request, code, state));
    }

    [Fact]
    public async Task StartSignInAsync_Resource_BuildsAuthorizeUrlWithPkceStateAndScopes()
    {
        var request = await Provider(new InMemoryTokenCacheStore()).StartSignInAsync(emulator.Resource);

        var query = HttpUtility.ParseQueryString(request.AuthorizationUrl.Query);
        request.AuthorizationUrl.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(emulator.Server.BaseUri, $"{emulator.TenantId}/oauth2/v2.0/authorize").ToString());
        query["client_id"].ShouldBe(HttpsEmulatorFixture.WebAppClientId);
        query["redirect_uri"].ShouldBe(HttpsEmulatorFixture.RedirectUri.ToString());
        query["response_type"].ShouldBe("code");
        query.GetValues("state").ShouldBe([request.State]);
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrEmpty();
        query["scope"]!.Split(' ').ShouldContain($"{emulator.Resource.ToString().TrimEnd('/')}/user_impersonation");
        query["scope"]!.Split(' ').ShouldContain("offline_access");
        request.ToString().ShouldNotContain(request.CodeVerifier);
    }

    [Fact]
    public async Task WhoAmIAsync_AfterAuthorizationCodeSignIn_ReturnsTheSignedInUser()
    {
        var (provider, user) = await SignedInAsync(emulator.Admin, new InMemoryTokenCacheStore());

        var me = await emulator.Client(provider).WhoAmIAsync();

        me.UserId.ShouldBe(emulator.Admin.Id);
        user.UserName.ShouldBe(emulator.Admin.DomainName, StringCompareShould.IgnoreCase);
        user.ObjectId.ShouldBe(emulator.Admin.AzureActiveDirectoryObjectId.ToString("D"));
    }

    [Fact]
    public async Task CompleteSignInAsync_StateOfAnotherSignIn_ThrowsSignInRequired()
    {
        var provider = Provider(new InMemoryTokenCacheStore());
        var request = await provider.StartSignInAsync(emulator.Resource);
        var (code, _) = await emulator.SignInAsync(request.AuthorizationUrl, emulator.Admin);

        var failure = await Should.ThrowAsync<DataverseSignInRequiredException>(() => provider.CompleteSignInAsync(request, code, "forged-state"));

        failure.ErrorCode.ShouldBe("state_mismatch");
    }

    [Fact]
    public async Task CompleteSignInAsync_CodeUsedTwice_ThrowsSignInRequired()
    {
        var provider = Provider(new InMemoryTokenCacheStore());
        var request = await provider.StartSignInAsync(emulator.Resource);
        var (code, state) = await emulator.SignInAsync(request.AuthorizationUrl, emulator.Admin);
        await provider.CompleteSignInAsync(request, code, state);

        await Should.ThrowAsync<DataverseSignInRequiredException>(() => Provider(new InMemoryTokenCacheStore()).CompleteSignInAsync(request, code, state));
    }

    [Fact]
    public async Task GetTokenAsync_NobodySignedIn_ThrowsSignInRequired()
    {
        var provider = Provider(new InMemoryTokenCacheStore());

        await Should.ThrowAsync<DataverseSignInRequiredException>(() => provider.GetTokenAsync(new TokenRequest(emulator.Resource, false), default).AsTask());
    }

    [Fact]
    public async Task GetTokenAsync_NewProviderOverTheSameStore_ContinuesWithoutSignIn()
    {
        var store = new InMemoryTokenCacheStore();
        var (first, _) = await SignedInAsync(emulator.Admin, store);
        var before = await first.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

        var restarted = Provider(store);
        var after = await restarted.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

        after.Token.ShouldBe(before.Token);
        (await emulator.Client(restarted).WhoAmIAsync()).UserId.ShouldBe(emulator.Admin.Id);
    }

    [Fact]
    public async Task GetTokenAsync_ForceRefreshAfterRestart_RedeemsTheStoredRefreshToken()
    {
        var store = new InMemoryTokenCacheStore();
        var (first, _) = await SignedInAsync(emulator.Admin, store);
        var before = await first.GetTokenAsync(new TokenRequest(emulator.Resource, false), default);

        var refreshed = await Provider(store).GetTokenAsync(new TokenRequest(emulator.Resource, ForceRefresh: true), default);

        refreshed.Token.ShouldNotBe(before.Token);
    }

    [Fact]
    public async Task GetTokenAsync_UserDisabledSinceSignIn_ThrowsSignInRequired()
    {
        var salesperson = emulator.Server.World.Users.First(u => u.Role == DemoUserRole.Salesperson && !u.IsDisabled && u.Password is not null);
        var (provider, _) = await SignedInAsync(salesperson, new InMemoryTokenCacheStore());
        var (adminTokens, _) = await SignedInAsync(emulator.Admin, new InMemoryTokenCacheStore());
        await emulator.Client(adminTokens).UpdateAsync("systemusers", EntityKey.Id(salesperson.Id), new JsonObject { ["isdisabled"] = true });

        var failure = await Should.ThrowAsync<DataverseSignInRequiredException>(() =>
            provider.GetTokenAsync(new TokenRequest(emulator.Resource, ForceRefresh: true), default).AsTask());

        failure.ErrorCode.ShouldBe("invalid_grant");
        failure.Message.ShouldContain("AADSTS50057");
    }

    [Fact]
    public async Task SignOutAsync_SignedIn_LaterTokensNeedANewSignIn()
    {
        var store = new InMemoryTokenCacheStore();
        var (provider, _) = await SignedInAsync(emulator.Admin, store);

        await provider.SignOutAsync();

        await Should.ThrowAsync<DataverseSignInRequiredException>(() => Provider(store).GetTokenAsync(new TokenRequest(emulator.Resource, false), default).AsTask());
    }

    [Fact]
    public void ToString_Provider_DoesNotShowTheSecret() =>
        Provider(new InMemoryTokenCacheStore()).ToString().ShouldNotContain(HttpsEmulatorFixture.WebAppSecret);
}
