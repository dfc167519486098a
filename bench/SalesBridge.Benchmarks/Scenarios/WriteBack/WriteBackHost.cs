using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Hosting;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// The SalesBridge host the write-back scenarios run: SQLite in a folder of the benchmark, pointed at the child emulator
/// (its host allowed, its authority accepted, its certificate pinned), import schedule and health monitor off so that
/// only the write-back talks to the org. The worker is the host's own Quartz job, on or off.
/// </summary>
internal static class WriteBackHost
{
    /// <summary>Host settings as command-line pairs; the chaos scenario hands the same ones to a separate SalesBridge process.</summary>
    public static List<string> Args(ChildEmulator org, string dataDirectory, bool worker, TimeSpan? sweepInterval = null)
    {
        var host = new Uri(org.Facts.Url);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", "--Demo:Enabled=false", "--Database:Provider=Sqlite", $"--Database:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning", "--CrmHealth:MonitorEnabled=false", "--CrmImport:ScheduleEnabled=false",
            $"--Crm:AllowedExtraHosts:0={host.Host}", $"--Crm:EntraAuthorityHost={host}", "--Crm:AllowNonEntraAuthority=true",
            $"--WriteBack:WorkerEnabled={worker}",
        };
        if (sweepInterval is { } interval) args.Add($"--WriteBack:SweepInterval={interval:c}");
        return args;
    }

    public static async Task<WebApplication> StartAsync(ChildEmulator org, string dataDirectory, bool worker, CancellationToken cancellationToken)
    {
        var app = SalesBridgeWebApp.Build([.. Args(org, dataDirectory, worker)]);
        app.Services.GetRequiredService<ServerCertificatePins>().Add(org.Certificate);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
