using System.Text.Json;
using Microsoft.Identity.Client;

namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Keeps an MSAL user token cache in an <see cref="ITokenCacheStore"/>, together with the id of the account that
/// signed in (MSAL's confidential clients cannot list accounts, so a restarted provider needs it to find the
/// account again). The store is read once per provider, at its first use, and written after every change:
/// the provider is the only writer for its connection, so reading it again on each token would only cost time.
/// </summary>
internal sealed class PersistedUserTokenCache
{
    private readonly ITokenCacheStore _store;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private bool _loaded;
    private byte[]? _pending;
    private byte[] _latest = [];

    public PersistedUserTokenCache(ITokenCacheStore store, ITokenCache cache)
    {
        _store = store;
        cache.SetBeforeAccessAsync(BeforeAccessAsync);
        cache.SetAfterAccessAsync(AfterAccessAsync);
    }

    /// <summary>MSAL's home account id of the signed-in user, or null when nobody is signed in.</summary>
    public string? AccountId { get; private set; }

    /// <summary>Reads the store the first time; MSAL takes the cache from it at its next access.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded) return;
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded) return;
            var stored = Read(await _store.LoadAsync(cancellationToken).ConfigureAwait(false));
            AccountId = stored?.Account;
            _pending = stored?.Msal;
            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>From now on tokens are for this account; saved at once with the cache MSAL just wrote.</summary>
    public async Task SignedInAsync(string accountId, CancellationToken cancellationToken)
    {
        AccountId = accountId;
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nobody is signed in any more; saved with the cache once MSAL has removed the account.</summary>
    public void SignedOut() => AccountId = null;

    private Task BeforeAccessAsync(TokenCacheNotificationArgs args)
    {
        if (Interlocked.Exchange(ref _pending, null) is { } pending) args.TokenCache.DeserializeMsalV3(pending, shouldClearExistingCache: true);
        return Task.CompletedTask;
    }

    private async Task AfterAccessAsync(TokenCacheNotificationArgs args)
    {
        if (!args.HasStateChanged) return;
        _latest = args.TokenCache.SerializeMsalV3();
        await SaveAsync(args.CancellationToken).ConfigureAwait(false);
    }

    private ValueTask SaveAsync(CancellationToken cancellationToken) =>
        _store.SaveAsync(JsonSerializer.SerializeToUtf8Bytes(new StoredTokenCache(AccountId, _latest)), cancellationToken);

    private static StoredTokenCache? Read(byte[]? bytes)
    {
        if (bytes is not { Length: > 0 }) return null;
        try
        {
            return JsonSerializer.Deserialize<StoredTokenCache>(bytes);
        }
        catch (JsonException)
        {
            // Unreadable (another format, a wrong key upstream): as if nobody had signed in.
            return null;
        }
    }

    private sealed record StoredTokenCache(string? Account, byte[] Msal);
}
