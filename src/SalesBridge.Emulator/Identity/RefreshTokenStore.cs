using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary>What a refresh token stands for: a user and a client, not a resource (refresh-tokens page).</summary>
internal sealed record RefreshGrant(Guid UserObjectId, string UserName, string ClientId, string Scope, string? Resource, DateTimeOffset IssuedOn, DateTimeOffset ExpiresOn)
{
    /// <summary>The user's TokensValidFrom when their sessions were revoked after this grant was issued; null while valid.</summary>
    public DateTimeOffset? RevokedAsOf { get; init; }
}

internal abstract record RefreshLookup
{
    public sealed record Found(RefreshGrant Grant) : RefreshLookup;

    public sealed record Unknown : RefreshLookup;

    public sealed record Expired(DateTimeOffset IssuedOn) : RefreshLookup;

    /// <summary>The user's sign-in sessions were revoked after the grant was issued (revokeSignInSessions).</summary>
    public sealed record Revoked(DateTimeOffset IssuedOn, DateTimeOffset ValidFrom) : RefreshLookup;
}

/// <summary>
/// Opaque refresh tokens kept in memory. Every use returns a new token, but, as the refresh-tokens page
/// says, "the Microsoft identity platform doesn't revoke old refresh tokens when used to fetch new access
/// tokens": the old one stays valid until it expires, so a client that lost a response can retry.
/// </summary>
internal sealed class RefreshTokenStore(TimeProvider time, IOptions<EmulatorIdentityOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RefreshGrant> _tokens = new(StringComparer.Ordinal);

    public string Issue(Guid userObjectId, string userName, string clientId, string scope, string? resource)
    {
        var token = OpaqueToken.Create();
        var now = time.GetUtcNow();
        var grant = new RefreshGrant(userObjectId, userName, clientId, scope, resource, now, now + options.Value.RefreshTokenLifetime);
        lock (_gate)
        {
            _tokens[token] = grant;
        }

        return token;
    }

    public RefreshLookup Find(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var grant))
            {
                return new RefreshLookup.Unknown();
            }

            if (grant.RevokedAsOf is { } validFrom)
            {
                return new RefreshLookup.Revoked(grant.IssuedOn, validFrom);
            }

            return time.GetUtcNow() >= grant.ExpiresOn ? new RefreshLookup.Expired(grant.IssuedOn) : new RefreshLookup.Found(grant);
        }
    }

    /// <summary>
    /// What Microsoft Graph's <c>revokeSignInSessions</c> (and <c>Revoke-EntraUserAllRefreshToken</c>) does: sets the
    /// user's TokensValidFrom to now, so every refresh token issued to them before is refused from then on
    /// (AADSTS50173); access tokens already issued stay valid until they expire. Marking the grants that exist now
    /// (rather than comparing times) keeps a sign-in right after the revocation valid even within the same clock tick.
    /// </summary>
    /// <returns>How many refresh tokens were revoked.</returns>
    public int RevokeSignInSessions(string userName)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var revoked = _tokens.Where(pair => pair.Value.RevokedAsOf is null && pair.Value.UserName.Equals(userName, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var (token, grant) in revoked)
            {
                _tokens[token] = grant with { RevokedAsOf = now };
            }

            return revoked.Count;
        }
    }
}
