namespace SalesBridge.Dataverse.Authentication;

/// <summary>Supplies bearer tokens for an org. Called per request, so tokens roll without recreating the client.</summary>
public interface ITokenProvider
{
    /// <summary>A token for <see cref="TokenRequest.Resource"/>; a fresh one when <see cref="TokenRequest.ForceRefresh"/> is set (after a 401).</summary>
    ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken);
}

/// <summary>What token is needed: for which org (its root URL) and whether a cached one may be used.</summary>
public readonly record struct TokenRequest(Uri Resource, bool ForceRefresh);

/// <summary>A bearer token and when it stops being valid.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresOn)
{
    /// <inheritdoc/>
    public override string ToString() => $"AccessToken(expires {ExpiresOn:O})";
}

/// <summary>Always the same token: for tests and for callers that manage tokens themselves.</summary>
public sealed class FixedTokenProvider(string token) : ITokenProvider
{
    /// <inheritdoc/>
    public ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AccessToken(token, DateTimeOffset.MaxValue));
}
