using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SalesBridge.Web.Tests.Cluster;

/// <summary>
/// A SalesBridge node in a process of its own (<c>dotnet SalesBridge.Web.dll serve-pinned …</c>, the emulator's
/// certificate trusted), so that it can die the way a crashed server does: <see cref="Kill"/> sends SIGKILL and no shutdown
/// code runs. Its output is kept for the assertion messages.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static NodeProcess Start(string name, X509Certificate2 emulatorCertificate, IEnumerable<string> settings)
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"salesbridge-emulator-{emulatorCertificate.Thumbprint}.cer");
        File.WriteAllBytes(certificate, emulatorCertificate.Export(X509ContentType.Cert));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SalesBridge.Web.dll"));
        start.ArgumentList.Add("serve-pinned");
        start.ArgumentList.Add(certificate);
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.ArgumentList.Add($"--Node:Name={name}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a SalesBridge node process.");
        var node = new NodeProcess(process, name);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // Enough to see why a node failed; a long run's log would otherwise grow without end.
            if (_output.Length < 200_000) _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
