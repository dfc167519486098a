using System.ComponentModel.DataAnnotations;

namespace SalesBridge.Persistence;

/// <summary>
/// Where the workspace's data lives. With no configuration: a SQLite file in <see cref="DataDirectory"/>;
/// for several machines: PostgreSQL (<c>Database__Provider=PostgreSql</c>, <c>Database__ConnectionString=...</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with SQLite: <c>Data Source={DataDirectory}/salesbridge.db</c>. Required with PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the SQLite file; by default the user's local application data folder.</summary>
    public string DataDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "SalesBridge");

    /// <summary>Apply pending migrations when the host starts (otherwise run <c>salesbridge migrate</c>).</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 1_000)]
    public int MaxPoolSize { get; set; } = 100;

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.Combine(DataDirectory, "salesbridge.db")}",
        DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSql."),
        _ => ConnectionString!,
    };
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
