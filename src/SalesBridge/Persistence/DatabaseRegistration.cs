using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SalesBridge.Persistence;

public static class DatabaseRegistration
{
    /// <summary>The migrations of each provider live in their own assembly, loaded by name.</summary>
    public const string SqliteMigrationsAssembly = "SalesBridge.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "SalesBridge.Migrations.Postgres";

    /// <summary>Registers <see cref="SalesBridgeDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddSalesBridgeDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                System.IO.Directory.CreateDirectory(folder);
            }
        }

        services.AddSingleton(options);
        // Pooled: the API serves many short requests, and a reused context saves its set-up on each of them.
        services.AddDbContextPool<SalesBridgeDbContext>(builder => Configure(builder, options.Provider, connectionString), options.MaxPoolSize);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            // A list in a query goes to SQLite as one JSON parameter (json_each), not one parameter per item: the import asks
            // for thousands of ids at a time, and binding each as its own parameter cost more than the look-ups themselves.
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
