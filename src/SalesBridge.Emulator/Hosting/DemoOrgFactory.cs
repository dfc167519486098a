using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Creates the demo org: settings from the options, then the demo world loaded into it.</summary>
public static class DemoOrgFactory
{
    public static (EmulatedOrg Org, OrgCredentials Credentials) Create(DemoWorld.GeneratedWorld world, EmulatorOptions options, TimeProvider time)
    {
        var settings = new OrgSettings
        {
            OrganizationId = world.OrganizationId,
            TenantId = world.TenantId,
            Version = options.Version,
            OrganizationType = options.OrganizationType,
        };
        var org = new EmulatedOrg(settings, time);
        var credentials = new OrgCredentials();
        org.Store.Write(scope =>
        {
            new DemoWorldLoader(org, scope, credentials).Load(world);
            return 0;
        });
        return (org, credentials);
    }
}
