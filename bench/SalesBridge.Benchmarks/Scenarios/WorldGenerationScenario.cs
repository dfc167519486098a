using System.Diagnostics;
using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>
/// Generates the 100,000-open-opportunity world (target: under 30 s) and loads it into an org, reporting
/// time and memory of each step.
/// </summary>
public sealed class WorldGenerationScenario : IBenchmarkScenario
{
    public string Name => "world-generation";

    public Task<IReadOnlyDictionary<string, object>> RunAsync(CancellationToken cancellationToken)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var generate = Stopwatch.StartNew();
        var world = DemoWorldGenerator.Generate(DemoWorldSpec.Large);
        generate.Stop();
        var afterGenerate = GC.GetTotalMemory(forceFullCollection: true);

        var load = Stopwatch.StartNew();
        var (org, _) = DemoOrgFactory.Create(world, new EmulatorOptions { Size = "large" }, TimeProvider.System);
        load.Stop();
        var afterLoad = GC.GetTotalMemory(forceFullCollection: true);

        IReadOnlyDictionary<string, object> result = new Dictionary<string, object>
        {
            ["open_opportunities"] = world.Opportunities.Count(o => o.StateCode == 0),
            ["opportunities"] = world.Opportunities.Count,
            ["accounts"] = world.Accounts.Count,
            ["contacts"] = world.Contacts.Count,
            ["stakeholders"] = world.Stakeholders.Count,
            ["workspace_people"] = world.WorkspacePeople.Count,
            ["generate_seconds"] = Measure.Seconds(generate),
            ["generate_target_seconds"] = 30,
            ["world_retained_mb"] = Measure.Megabytes(afterGenerate - before),
            ["load_into_org_seconds"] = Measure.Seconds(load),
            ["org_rows"] = org.Schema.Tables.Where(t => !t.IsActivityUnion).Sum(t => org.Store.Table(t.LogicalName).Count),
            ["world_and_org_retained_mb"] = Measure.Megabytes(afterLoad - before),
            ["peak_working_set_mb"] = Measure.Megabytes(Measure.PeakWorkingSet()),
        };
        GC.KeepAlive(world);
        GC.KeepAlive(org);
        return Task.FromResult(result);
    }
}
