using System.Collections.Concurrent;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// One running app per database for the whole test run, started on first use. Tests stay independent by each
/// making its own contracts (<see cref="TestContracts"/>), which is also how isolation between contracts is proven.
/// </summary>
public sealed class WorkspaceFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WorkspaceHost>>> _hosts = new();

    public Task<WorkspaceHost> HostAsync(string database) =>
        _hosts.GetOrAdd(database, name => new Lazy<Task<WorkspaceHost>>(() => WorkspaceHost.StartAsync(name))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(lazy => lazy.IsValueCreated))
        {
            await (await host.Value).DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Workspace";
}
