using System.Diagnostics;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>Process-level figures the scenarios report alongside their own.</summary>
public static class Measure
{
    public static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    public static double Seconds(Stopwatch watch) => Math.Round(watch.Elapsed.TotalSeconds, 3);
}
