using System.Text.Json.Nodes;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Dataverse.Tests.Infrastructure;

namespace SalesBridge.Dataverse.Tests.Operations;

[Collection("Dataverse")]
public sealed class AuthenticationTests(DataverseFixture dataverse)
{
    [Fact]
    public async Task Request_StaleToken_RefreshedOnceAfter401()
    {
        var tokens = new RollingTokens("stale-token", await dataverse.ClientCredentialsTokenAsync());
        var client = dataverse.Factory.Create(dataverse.Options(), tokens);

        var me = await client.WhoAmIAsync();

        me.UserId.ShouldNotBe(Guid.Empty);
        tokens.ForcedRefreshes.ShouldBe(1);
    }

    [Fact]
    public async Task Request_TokenStillRefusedAfterRefresh_ThrowsUnauthorized()
    {
        var tokens = new RollingTokens("stale-token", "still-bad");
        var client = dataverse.Factory.Create(dataverse.Options(), tokens);

        await Should.ThrowAsync<DataverseUnauthorizedException>(() => client.CreateAsync("accounts", new JsonObject { ["name"] = "x" }));
        tokens.ForcedRefreshes.ShouldBe(1);
    }

    /// <summary>Hands out the first token until asked to refresh, then the second.</summary>
    private sealed class RollingTokens(string first, string second) : ITokenProvider
    {
        public int ForcedRefreshes { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
        {
            if (request.ForceRefresh) ForcedRefreshes++;
            return ValueTask.FromResult(new AccessToken(ForcedRefreshes == 0 ? first : second, DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
