using System.Diagnostics;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.Benchmarks.Scenarios.WriteBack;

namespace SalesBridge.Benchmarks.Scenarios.Cluster;

/// <summary>
/// One SalesBridge node of the proof's cluster in a process of its own (<c>dotnet SalesBridge.Web.dll serve-pinned …</c>,
/// the child emulator's certificate trusted), on the shared PostgreSQL database and clustered scheduler. Its output goes
/// to a log file; <see cref="Kill"/> is SIGKILL (<c>kill -9</c>): no shutdown code runs.
/// </summary>
internal sealed class ClusterNode : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ClusterNode(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public string Name { get; }
    public string LogPath { get; }
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? KilledAt { get; private set; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Settings every node of the proof shares: the database, the cluster, the emulator as the CRM and its sign-in.</summary>
    public static List<string> SharedSettings(ChildEmulator emulator, string connectionString) =>
    [
        "--Database:Provider=PostgreSql", $"--Database:ConnectionString={connectionString}", "--Scheduler:Clustered=true",
        "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SalesBridge=Information",
        $"--Crm:AllowedExtraHosts:0={new Uri(emulator.Facts.Url).Host}", $"--Crm:EntraAuthorityHost={emulator.Facts.Url}",
        "--Crm:AllowNonEntraAuthority=true",
    ];

    public static ClusterNode Start(string name, ChildEmulator emulator, IEnumerable<string> settings, string logFolder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WorkerProcess.WebDll);
        start.ArgumentList.Add("serve-pinned");
        start.ArgumentList.Add(Path.Combine(emulator.Folder.FullName, "emulator.cer"));
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.ArgumentList.Add($"--Node:Name={name}");
        var logPath = Path.Combine(logFolder, $"{name}.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the SalesBridge process {name}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ClusterNode(name, process, log, logPath);
    }

    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
        KilledAt ??= DateTimeOffset.UtcNow;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
