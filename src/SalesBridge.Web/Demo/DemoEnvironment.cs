using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SalesBridge.CrmConnection;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Web.Demo;

/// <summary>
/// Starts the emulator with its demo org, makes sure the demo contract exists, and once the web server listens
/// prints where everything is and how to sign in.
/// </summary>
internal sealed class DemoEnvironment(
    DemoOptions options, ServerCertificatePins pins, IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private EmulatorServer? _emulator;

    /// <summary>The running emulator; set once the host has started.</summary>
    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("The demo environment has not started.");

    public DemoContract? Contract { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var emulatorOptions = new EmulatorOptions { Seed = options.Seed, Size = options.Size };
        emulatorOptions.Clients.Add(DemoCrmApplication.Registration);
        _emulator = await EmulatorServer.StartAsync(emulatorOptions, options.EmulatorUrl, time, cancellationToken);
        if (_emulator.Certificate is { } certificate) pins.Add(certificate);
        await using (var scope = scopes.CreateAsyncScope())
        {
            Contract = await scope.ServiceProvider.GetRequiredService<DemoContractSeeder>().SeedAsync(_emulator.World, cancellationToken);
        }

        lifetime.ApplicationStarted.Register(() => Console.WriteLine(Describe()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private string Describe()
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(unknown address)";
        var emulatorUrl = Emulator.BaseUri.ToString().TrimEnd('/');
        var lines = new List<string>
        {
            "",
            $"SalesBridge is running: {url}",
            $"  REST API: {url}/api/v1 (OpenAPI document at {url}/api/v1/openapi.json)",
            "",
            $"Demo contract \"{Contract!.CompanyName}\" — every demo user signs in with the password {Contract.Password}",
        };
        lines.AddRange(Contract.SignIns.Select(signIn => $"  {signIn.Role,-28} {signIn.Email}"));
        lines.Add("");
        lines.Add(DemoSignIns.Describe(emulatorUrl, Emulator.Org, Emulator.World));
        return string.Join(Environment.NewLine, lines);
    }
}
