using System.Collections.Concurrent;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Limits;

/// <summary>
/// The <see cref="OrgTraffic"/> of every org of the process, created on first use with the process's limits
/// (<see cref="EmulatorOptions.ServiceProtection"/>) or else the org's own (<see cref="OrgSettings.ServiceProtection"/>).
/// </summary>
public sealed class TrafficDirectory(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<EmulatedOrg, OrgTraffic> _orgs = new(ReferenceEqualityComparer.Instance);

    public OrgTraffic For(EmulatedOrg org) =>
        _orgs.GetOrAdd(org, o => new OrgTraffic(o, options.ServiceProtection ?? o.Settings.ServiceProtection));
}
