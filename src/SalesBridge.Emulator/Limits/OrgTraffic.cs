using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Limits;

/// <summary>What stands between clients and one org: its service protection, its call counter and its injected faults.</summary>
public sealed class OrgTraffic(EmulatedOrg org, ServiceProtectionLimits limits)
{
    public EmulatedOrg Org { get; } = org;
    public ServiceProtection Protection { get; } = new(org.Time, limits);
    public OrgCallCounter Calls { get; } = new();
    public FaultInjector Faults { get; } = new();
}
