using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary>What a code was issued for; redeeming it must present the same client and redirect URI.</summary>
internal sealed record AuthorizationGrant(
    string ClientId,
    string RedirectUri,
    Guid UserObjectId,
    string UserName,
    string Scope,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod);

internal abstract record CodeRedemption
{
    public sealed record Redeemed(AuthorizationGrant Grant) : CodeRedemption;

    public sealed record Unknown : CodeRedemption;

    public sealed record Expired : CodeRedemption;

    public sealed record AlreadyRedeemed : CodeRedemption;
}

/// <summary>
/// Authorization codes in memory. A redeemed code is remembered until it would have expired, so a second
/// redemption is told "already redeemed" (AADSTS54005) rather than "unknown".
/// </summary>
internal sealed class AuthorizationCodeStore(TimeProvider time, IOptions<EmulatorIdentityOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationGrant grant)
    {
        var code = OpaqueToken.Create();
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Purge(now);
            _codes[code] = new Entry(grant, now + options.Value.AuthorizationCodeLifetime, Redeemed: false);
        }

        return code;
    }

    public CodeRedemption Redeem(string code)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry))
            {
                return new CodeRedemption.Unknown();
            }

            if (entry.Redeemed)
            {
                return new CodeRedemption.AlreadyRedeemed();
            }

            if (now >= entry.ExpiresOn)
            {
                return new CodeRedemption.Expired();
            }

            // Single use: the code is spent even if the token request later fails on another check.
            _codes[code] = entry with { Redeemed = true };
            return new CodeRedemption.Redeemed(entry.Grant);
        }
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var expired in _codes.Where(pair => pair.Value.ExpiresOn + options.Value.AuthorizationCodeLifetime <= now).Select(pair => pair.Key).ToList())
        {
            _codes.Remove(expired);
        }
    }

    private sealed record Entry(AuthorizationGrant Grant, DateTimeOffset ExpiresOn, bool Redeemed);
}
