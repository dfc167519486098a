using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Web.Demo;

namespace SalesBridge.Benchmarks.Scenarios.CrmImport;

/// <summary>
/// The large emulator org in a process of its own, as a real org is on other machines: SalesBridge's memory and time
/// are then measured without the org's. The child writes what the benchmark needs to a folder (its URL and
/// credentials, its https certificate to pin, and the world's workspace directory as CSV) and serves until killed.
/// </summary>
public sealed class ChildEmulator : IAsyncDisposable
{
    public const string Verb = "emulator-host";

    private readonly Process _process;

    private ChildEmulator(Process process, EmulatorFacts facts, DirectoryInfo folder)
    {
        _process = process;
        Facts = facts;
        Folder = folder;
    }

    public EmulatorFacts Facts { get; }
    public DirectoryInfo Folder { get; }
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Folder.FullName, "emulator.cer"));
    public string CompaniesCsv => Path.Combine(Folder.FullName, "companies.csv");
    public string PeopleCsv => Path.Combine(Folder.FullName, "people.csv");

    /// <summary>
    /// Starts this benchmark executable again in <see cref="Verb"/> mode and waits until the org is served.
    /// <paramref name="moreOrgs"/> are further tiny orgs of the same process, each at <c>/{name}/</c> (<see cref="FactsOf"/>).
    /// </summary>
    public static async Task<ChildEmulator> StartAsync(string size, CancellationToken cancellationToken, IReadOnlyList<string>? moreOrgs = null)
    {
        var folder = Directory.CreateTempSubdirectory("salesbridge-bench-org-");
        var self = Environment.GetCommandLineArgs()[0];
        string[] arguments = [Verb, size, folder.FullName, .. moreOrgs ?? []];
        var start = Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(Environment.ProcessPath, [self, .. arguments])
            : new ProcessStartInfo(Environment.ProcessPath, arguments);
        start.RedirectStandardOutput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line != "READY") continue;
            var facts = JsonSerializer.Deserialize<EmulatorFacts>(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "facts.json"), cancellationToken))!;
            return new ChildEmulator(process, facts, folder);
        }
        throw new InvalidOperationException($"The emulator process ended before serving (exit code {process.ExitCode}).");
    }

    /// <summary>An org served besides the default one: how SalesBridge reaches it and its world's workspace directory.</summary>
    public (EmulatorFacts Facts, string CompaniesCsv, string PeopleCsv) FactsOf(string org) =>
        (JsonSerializer.Deserialize<EmulatorFacts>(File.ReadAllText(Path.Combine(Folder.FullName, org, "facts.json")))!,
            Path.Combine(Folder.FullName, org, "companies.csv"), Path.Combine(Folder.FullName, org, "people.csv"));

    /// <summary>The child's side: generate and serve the org(s), write the facts, wait to be killed.</summary>
    public static async Task<int> ServeAsync(string size, string folder, IReadOnlyList<string> moreOrgs, CancellationToken cancellationToken)
    {
        var options = new EmulatorOptions { Size = size };
        foreach (var name in moreOrgs) options.AdditionalOrgs.Add(AdditionalOrgArgument.Parse(name));
        await using var server = await EmulatorServer.StartAsync(options, "https://127.0.0.1:0", cancellationToken: cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "emulator.cer"), server.Certificate!.Export(X509ContentType.Cert), cancellationToken);
        await WriteMoreOrgsAsync(server, options, folder, cancellationToken);
        await WriteCsvAsync(Path.Combine(folder, "companies.csv"), server.World.WorkspaceCompanies.Select(DemoDirectoryRows.Company), cancellationToken);
        await WriteCsvAsync(Path.Combine(folder, "people.csv"), server.World.WorkspacePeople.Select(DemoDirectoryRows.Person), cancellationToken);
        var spec = server.World.Spec;
        var facts = new EmulatorFacts(server.BaseUri.ToString(), server.Org.Settings.TenantId.ToString(), server.Org.Settings.OrganizationId,
            spec.IntegrationClientId.ToString(), spec.IntegrationClientSecret, server.World.IntegrationUser.Id);
        await File.WriteAllTextAsync(Path.Combine(folder, "facts.json"), JsonSerializer.Serialize(facts), cancellationToken);
        Console.WriteLine("READY");
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    /// <summary>Each further org's facts and directory in a folder named after it; its world is generated again from its seed.</summary>
    private static async Task WriteMoreOrgsAsync(EmulatorServer server, EmulatorOptions options, string folder, CancellationToken cancellationToken)
    {
        var orgs = server.Services.GetRequiredService<OrgDirectory>();
        foreach (var additional in options.AdditionalOrgs)
        {
            var org = orgs.Find(additional.UrlName)!;
            var app = org.Store.Table("systemuser").InKeyOrder().First(u => u["applicationid"] is Guid);
            var clientId = (Guid)app["applicationid"]!;
            var world = DemoWorldGenerator.Generate(DemoWorldSpecs.From(additional));
            var orgFolder = Directory.CreateDirectory(Path.Combine(folder, additional.UrlName)).FullName;
            await WriteCsvAsync(Path.Combine(orgFolder, "companies.csv"), world.WorkspaceCompanies.Select(DemoDirectoryRows.Company), cancellationToken);
            await WriteCsvAsync(Path.Combine(orgFolder, "people.csv"), world.WorkspacePeople.Select(DemoDirectoryRows.Person), cancellationToken);
            var facts = new EmulatorFacts($"{server.BaseUri}{additional.UrlName}/", org.Settings.TenantId.ToString(), org.Settings.OrganizationId,
                clientId.ToString(), orgs.CredentialsOf(org).ClientSecretOf(clientId)!, app.Id);
            await File.WriteAllTextAsync(Path.Combine(orgFolder, "facts.json"), JsonSerializer.Serialize(facts), cancellationToken);
        }
    }

    private static async Task WriteCsvAsync<T>(string path, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        await csv.WriteRecordsAsync(rows, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>How SalesBridge reaches the child's org as its integration (application) user.</summary>
public sealed record EmulatorFacts(string Url, string TenantId, Guid OrganizationId, string ClientId, string ClientSecret, Guid IntegrationUserId);
