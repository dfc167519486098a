using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace SalesBridge.CrmConnection;

/// <summary>An admin sign-in between the start and Entra's redirect: what completing it needs, and whose it is.</summary>
internal sealed record PendingAdminSignIn(
    Guid ContractId, Guid AdminId, Uri OrganizationUrl, Uri RedirectUri, Uri AuthorizationUrl, string State, string CodeVerifier, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps pending admin sign-ins on the server, found by their OAuth <c>state</c>, for <see cref="Lifetime"/>.
/// Why not a cookie: the mobile app starts a sign-in through the API and the redirect comes back in a browser that
/// never saw that API response, so only the <c>state</c> travels with it. Why not the OrgConnection row: a connected
/// contract's row is live, and a sign-in that is never completed must leave it untouched. The entry holds the PKCE
/// verifier, so it is encrypted with Data Protection (its own purpose), its key is a hash of the state (the cache
/// never sees the state itself), and it is removed on first use, so a redirect cannot be replayed. The cache is
/// <see cref="IDistributedCache"/>: in memory on one node; a shared one (Redis, SQL) for a cluster.
/// </summary>
internal sealed class PendingAdminSignIns(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("SalesBridge.CrmConnection.PendingAdminSignIn.v1");

    public Task KeepAsync(PendingAdminSignIn pending, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(pending.State), _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(pending)),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }, cancellationToken);

    /// <summary>The sign-in started with <paramref name="state"/>, removed from the store; null when unknown, used or expired.</summary>
    public async Task<PendingAdminSignIn?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        var key = Key(state);
        var stored = await cache.GetAsync(key, cancellationToken);
        if (stored is null) return null;
        await cache.RemoveAsync(key, cancellationToken);
        PendingAdminSignIn? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingAdminSignIn>(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Written under a key ring this node no longer has: as if it had expired.
            return null;
        }
        return pending is not null && pending.ExpiresAt > time.GetUtcNow() ? pending : null;
    }

    private static string Key(string state) => "SalesBridge.CrmSignIn." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
