namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// The databases API tests run on: SQLite always; PostgreSQL when <c>SALESBRIDGE_TEST_POSTGRES</c> gives a server
/// (<c>.ci/run</c> starts one). With <c>CI=true</c> PostgreSQL is required, so a CI run without it fails instead of
/// quietly testing less.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("SALESBRIDGE_TEST_POSTGRES");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool PostgresWanted => IsCi || !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>For <c>[MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]</c>.</summary>
    public static TheoryData<string> All => PostgresWanted ? new TheoryData<string>(Sqlite, Postgres) : new TheoryData<string>(Sqlite);
}
