using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Hosting;

/// <summary>
/// Brings the database to the current schema: at start when <see cref="DatabaseOptions.MigrateOnStart"/> is on,
/// or through <c>salesbridge migrate</c>.
/// </summary>
internal sealed partial class DatabaseMigration(IServiceScopeFactory scopes, DatabaseOptions options, ILogger<DatabaseMigration> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStart)
        {
            await ApplyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>The migrations that were applied now.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            Log.Applying(logger, pending.Count, options.Provider);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Readers do not wait for a writer in WAL mode; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s) on {Provider}")]
        public static partial void Applying(ILogger logger, int count, DatabaseProvider provider);
    }
}
