using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// The real SalesBridge web app on a free loopback port, on its own fresh database (a SQLite file or a new
/// PostgreSQL database), migrated at start exactly as in production. Demo mode is off: tests make their own contracts.
/// </summary>
public sealed class WorkspaceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<Task> _dropDatabase;

    private WorkspaceHost(WebApplication app, string database, Func<Task> dropDatabase)
    {
        _app = app;
        Database = database;
        _dropDatabase = dropDatabase;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
    }

    public string Database { get; }
    public Uri BaseUri { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="database">Which database to start on.</param>
    /// <param name="configure">Last changes to the services.</param>
    /// <param name="settings">More host settings (<c>--Section:Key=value</c>), for what is read while the services are registered.</param>
    public static async Task<WorkspaceHost> StartAsync(string database, Action<WebApplicationBuilder>? configure = null, IEnumerable<string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("salesbridge-test-");
        var (databaseSettings, drop) = database switch
        {
            TestDatabases.Sqlite => (new[] { "--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={Path.Combine(folder.FullName, "test.db")}" },
                (Func<Task>)(() => Task.CompletedTask)),
            TestDatabases.Postgres => await CreatePostgresDatabaseAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database, "Unknown test database."),
        };
        var app = SalesBridgeWebApp.Build(
            [.. databaseSettings, .. settings ?? [], "--urls=http://127.0.0.1:0", "--Demo:Enabled=false", $"--Database:DataDirectory={folder.FullName}", "--Logging:LogLevel:Default=Warning"],
            builder =>
            {
                // Every test makes users; the production hashing cost (100,000 PBKDF2 rounds) would be most of the run.
                builder.Services.Configure<PasswordHasherOptions>(hashing => hashing.IterationCount = 1_000);
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        return new WorkspaceHost(app, database, async () =>
        {
            await drop();
            folder.Delete(recursive: true);
        });
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUri };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _dropDatabase();
    }

    private static async Task<(string[] Settings, Func<Task> Drop)> CreatePostgresDatabaseAsync()
    {
        var server = TestDatabases.PostgresConnectionString
            ?? throw new InvalidOperationException("CI=true but SALESBRIDGE_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
        var name = $"salesbridge_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return ([$"--Database:Provider=PostgreSql", $"--Database:ConnectionString={connectionString}"], async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
