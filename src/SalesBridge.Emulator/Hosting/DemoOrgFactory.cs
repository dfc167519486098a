using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.Hosting;

/// <summary>Creates the demo org: settings from the options, then the demo world loaded into it.</summary>
public static class DemoOrgFactory
{
    public static (EmulatedOrg Org, OrgCredentials Credentials) Create(DemoWorld.GeneratedWorld world, EmulatorOptions options, TimeProvider time) =>
        Create(world, new OrgSettings
        {
            OrganizationId = world.OrganizationId,
            TenantId = world.TenantId,
            Version = options.Version,
            OrganizationType = options.OrganizationType,
        }, time);

    /// <summary>Another org of the same process: it shares the default org's tenant.</summary>
    public static (EmulatedOrg Org, OrgCredentials Credentials) Create(DemoWorld.GeneratedWorld world, AdditionalOrg options, Guid tenantId, TimeProvider time) =>
        Create(world, new OrgSettings
        {
            OrganizationId = world.OrganizationId,
            TenantId = tenantId,
            EnvironmentId = Schema.StableId.For("environment", options.UrlName),
            UniqueName = "unq" + world.OrganizationId.ToString("N")[..24],
            UrlName = options.UrlName,
            FriendlyName = options.UrlName,
            Version = options.Version,
            OrganizationType = options.OrganizationType,
        }, time);

    private static (EmulatedOrg Org, OrgCredentials Credentials) Create(DemoWorld.GeneratedWorld world, OrgSettings settings, TimeProvider time)
    {
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
