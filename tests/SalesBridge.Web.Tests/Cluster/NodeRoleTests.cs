using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SalesBridge.Web.Hosting;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>B9: web and worker nodes on one PostgreSQL database, sharing work through Quartz's clustered store.</summary>
public sealed class NodeRoleTests
{
    [Theory]
    [InlineData("Web", "--Database:Provider=Sqlite", "Node:Role Web needs Scheduler:Clustered true")]
    [InlineData("Worker", "--Database:Provider=Sqlite", "Node:Role Worker needs Scheduler:Clustered true")]
    [InlineData("All", "--Scheduler:Clustered=true", "Scheduler:Clustered needs Database:Provider PostgreSql")]
    public void ARoleOrClusterWithoutPostgres_IsRefusedAtStartNamingTheSetting(string role, string setting, string message)
    {
        var refused = Should.Throw<OptionsValidationException>(() => SalesBridgeWebApp.Build([$"--Node:Role={role}", setting, "--Demo:Enabled=false"]));

        refused.Message.ShouldContain(message);
    }

    [Fact]
    public async Task AWebNodeHandsWorkToAWorkerNode_ThroughTheClusteredScheduler()
    {
        if (!TestDatabases.PostgresWanted) return;
        await using var database = await SharedPostgresDatabase.CreateAsync();
        string[] cluster = ["--Scheduler:Clustered=true", "--Scheduler:CheckinInterval=00:00:02", $"--Database:ConnectionString={database.ConnectionString}"];
        await using var web = await WorkspaceHost.StartAsync(TestDatabases.Postgres, settings: [.. cluster, "--Node:Role=Web"]);
        var contract = await web.CreateWithWriteBackAsync();
        using var seller = await web.ApiClientAsync(contract.SeatHolder);
        var note = await (await seller.PostAsJsonAsync($"api/v1/people/{contract.PersonIds[0]}/notes", new { text = "For the CRM.", copyToCrm = true }))
            .Content.ReadFromJsonAsync<SalesBridge.Notes.NoteDetails>(ApiSignIn.Json);
        Task<WriteBackStatus> Status() => web.QueryAsync(db => db.WriteBackItems.Where(i => i.ItemId == note!.Id).Select(i => i.Status).SingleAsync());

        // The web node does not run jobs: the item stays queued until a worker joins.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await Status()).ShouldBe(WriteBackStatus.Queued);

        await using var worker = await WorkspaceHost.StartAsync(TestDatabases.Postgres, settings: [.. cluster, "--Node:Role=Worker"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (await Status() == WriteBackStatus.Queued && DateTime.UtcNow < deadline) await Task.Delay(250);

        // The worker's pass found the contract not connected: the item waits, with the reason (no CRM here).
        (await Status()).ShouldBe(WriteBackStatus.Waiting);
        using var workerClient = worker.CreateClient();
        (await workerClient.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await workerClient.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a worker node serves no API");
    }
}

/// <summary>One PostgreSQL database for several hosts (a cluster's nodes), dropped at the end.</summary>
internal sealed class SharedPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private SharedPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<SharedPostgresDatabase> CreateAsync()
    {
        var server = TestDatabases.PostgresConnectionString
            ?? throw new InvalidOperationException("CI=true but SALESBRIDGE_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
        var name = $"salesbridge_cluster_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
        return new SharedPostgresDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
