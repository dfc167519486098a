namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>One measured scenario; its result is printed as one JSON object.</summary>
public interface IBenchmarkScenario
{
    string Name { get; }
    Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken);
}
