using System.Diagnostics;
using SalesBridge.Benchmarks.Scenarios.CrmImport;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// SalesBridge in a process of its own (<c>dotnet SalesBridge.Web.dll serve-pinned …</c>) whose Quartz worker drains the
/// outbox, so that it can be killed with SIGKILL like a crashed server and started again on the same database. Its
/// output goes to a log file in the data folder.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private WorkerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>The SalesBridge.Web.dll to run: <c>SALESBRIDGE_WEB_DLL</c> (the chaos script sets it), else the copy beside this benchmark.</summary>
    public static string WebDll => Environment.GetEnvironmentVariable("SALESBRIDGE_WEB_DLL") is { Length: > 0 } path
        ? path : Path.Combine(AppContext.BaseDirectory, "SalesBridge.Web.dll");

    public static WorkerProcess Start(ChildEmulator org, string dataDirectory, string logPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("serve-pinned");
        start.ArgumentList.Add(Path.Combine(org.Folder.FullName, "emulator.cer"));
        // A short sweep: retries whose back-off ended are picked up within 2 s instead of the default 15 s.
        foreach (var arg in WriteBackHost.Args(org, dataDirectory, worker: true, sweepInterval: TimeSpan.FromSeconds(2))) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--Logging:LogLevel:SalesBridge.WriteBack=Information");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SalesBridge worker process.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process, log);
    }

    public int Id => _process.Id;

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux, as <c>kill -9</c>): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
