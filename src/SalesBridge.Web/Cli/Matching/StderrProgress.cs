using System.Diagnostics;
using SalesBridge.Matching;

namespace SalesBridge.Web.Cli.Matching;

/// <summary>Progress of a long match on stderr: each new stage, and at most one line a second within a stage.</summary>
internal sealed class StderrProgress(TextWriter error) : IProgress<MatchProgress>
{
    private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();
    private string? _stage;

    public void Report(MatchProgress value)
    {
        lock (_sinceLastLine)
        {
            if (value.Stage == _stage && _sinceLastLine.Elapsed < TimeSpan.FromSeconds(1) && value.Done < value.Total)
            {
                return;
            }

            _stage = value.Stage;
            _sinceLastLine.Restart();
            error.WriteLine(value.Total > 0 ? $"{value.Stage}: {value.Done:N0} of {value.Total:N0}" : $"{value.Stage}: {value.Done:N0}");
        }
    }
}
