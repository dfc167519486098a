namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// Where a delegated sign-in's token cache (its refresh token) is kept between runs. The bytes are opaque and
/// hold credentials: encrypt them at rest (e.g. with ASP.NET Core Data Protection) and keep one store per
/// signed-in connection.
/// </summary>
public interface ITokenCacheStore
{
    /// <summary>The bytes last saved, or null when nothing was saved yet.</summary>
    ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces what is stored; called whenever the cache changed (a sign-in, a refresh, a sign-out).</summary>
    ValueTask SaveAsync(byte[] cache, CancellationToken cancellationToken);
}

/// <summary>A store that lives as long as the object: for tests and single-process demos. Nothing survives a restart.</summary>
public sealed class InMemoryTokenCacheStore : ITokenCacheStore
{
    private byte[]? _cache;

    /// <summary>How many times the cache was saved.</summary>
    public int Saves { get; private set; }

    /// <inheritdoc/>
    public ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_cache?.ToArray());

    /// <inheritdoc/>
    public ValueTask SaveAsync(byte[] cache, CancellationToken cancellationToken)
    {
        _cache = cache.ToArray();
        Saves++;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => $"InMemoryTokenCacheStore({_cache?.Length ?? 0} bytes)";
}
