using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;
using SalesBridge.Persistence;

namespace SalesBridge.CrmConnection;

/// <summary>
/// An admin sign-in's MSAL token cache kept encrypted on its <see cref="OrgConnection"/> row. Each load and save
/// uses its own short-lived DbContext, because MSAL refreshes tokens in the middle of other work (an import, a check).
/// Saving touches only the cache column, so a refresh never collides with an admin editing the connection.
/// </summary>
public sealed class StoredTokenCache(Guid connectionId, IServiceScopeFactory scopes, CrmSecretProtector protector) : ITokenCacheStore
{
    public async ValueTask<byte[]?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var stored = await db.OrgConnections.Where(c => c.Id == connectionId).Select(c => c.ProtectedTokenCache).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : protector.UnprotectBytes(stored);
    }

    public async ValueTask SaveAsync(byte[] cache, CancellationToken cancellationToken)
    {
        var protectedCache = protector.Protect(cache);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        await db.OrgConnections.Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedTokenCache, protectedCache), cancellationToken);
    }

    public override string ToString() => $"StoredTokenCache(connection {connectionId})";
}
