using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Limits;

public static class EmulatorServerTraffic
{
    /// <summary>Service protection, call counts and faults of <paramref name="org"/> (default: the server's default org).</summary>
    public static OrgTraffic Traffic(this EmulatorServer server, EmulatedOrg? org = null) =>
        server.Services.GetRequiredService<TrafficDirectory>().For(org ?? server.Org);
}
