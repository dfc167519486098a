using System.Diagnostics;
using SalesBridge.Benchmarks.Scenarios.CrmImport;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// SalesBridge in a process of its own (<c>dotnet SalesBridge.Web.dll serve-pinned …</c>, the child emulator's certificate
/// trusted), so that it can be killed like a crashed server: <see cref="Kill"/> is SIGKILL (<c>kill -9</c>), no shutdown code
/// runs. The write-back chaos scenario restarts one on the same database; the cluster proof runs several. Its output goes
/// to a log file (appended, so one file can hold a process's successive lives).
/// </summary>
internal sealed class SalesBridgeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SalesBridgeProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>Its <c>Node:Name</c>, which the import runs and write-back passes it does carry.</summary>
    public string Name { get; }
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? KilledAt { get; private set; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The SalesBridge.Web.dll to run: <c>SALESBRIDGE_WEB_DLL</c> (the scripts set it), else the copy beside this benchmark.</summary>
    public static string WebDll => Environment.GetEnvironmentVariable("SALESBRIDGE_WEB_DLL") is { Length: > 0 } path
        ? path : Path.Combine(AppContext.BaseDirectory, "SalesBridge.Web.dll");

    public static SalesBridgeProcess Start(string name, ChildEmulator emulator, IEnumerable<string> settings, string logPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("serve-pinned");
        start.ArgumentList.Add(Path.Combine(emulator.Folder.FullName, "emulator.cer"));
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.ArgumentList.Add($"--Node:Name={name}");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the SalesBridge process {name}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SalesBridgeProcess(name, process, log);
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
