using SalesBridge.Emulator.DemoWorld;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// Loads a generated demo world into an org as the org's own data: business unit, security roles, users,
/// then accounts, contacts, leads, opportunities and stakeholder connections, each created by its owner.
/// </summary>
public sealed partial class DemoWorldLoader(EmulatedOrg org, WriteScope scope, OrgCredentials credentials)
{
    private readonly Dictionary<string, Guid> _roles = new(StringComparer.Ordinal);
    private Guid _stakeholderRole;

    public void Load(DemoWorld.GeneratedWorld world)
    {
        var created = world.Spec.Now.AddYears(-3);
        Put("businessunit", world.BusinessUnitId, created, new() { ["name"] = org.Settings.FriendlyName });
        Put("organization", org.Settings.OrganizationId, created, new()
        {
            ["name"] = org.Settings.FriendlyName, ["languagecode"] = 1033,
            ["expirechangetrackingindays"] = org.Settings.ExpireChangeTrackingInDays,
        });
        LoadSecurity(world, created);
        LoadUsers(world);
        LoadReferenceData(world, created);
        LoadSales(world);
    }

    private void LoadSecurity(DemoWorld.GeneratedWorld world, DateTimeOffset created)
    {
        foreach (var privilege in PrivilegeCatalog.All(org.Schema))
        {
            Put("privilege", PrivilegeCatalog.IdOf(privilege), created, new()
            {
                ["name"] = privilege, ["canbebasic"] = true, ["canbelocal"] = true, ["canbedeep"] = true, ["canbeglobal"] = true,
            });
        }
        foreach (var role in new[] { DemoRoles.SystemAdministrator, DemoRoles.Salesperson, DemoRoles.SalespersonWithoutOpportunities, DemoRoles.Integration })
        {
            var id = StableId.For("role", world.Spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), role);
            _roles[role] = id;
            Put("role", id, created, new() { ["name"] = role, ["businessunitid"] = new EntityReference("businessunit", world.BusinessUnitId) });
            foreach (var (privilege, depth) in DemoRoles.Grants(org.Schema, role))
            {
                org.Security.Grant(id, privilege, depth);
                scope.Associate("roleprivileges_association", id, PrivilegeCatalog.IdOf(privilege));
            }
        }
    }

    private void LoadUsers(DemoWorld.GeneratedWorld world)
    {
        foreach (var user in world.Users)
        {
            Put("systemuser", user.Id, world.Spec.Now.AddYears(-2), new()
            {
                ["firstname"] = user.FirstName, ["lastname"] = user.LastName, ["fullname"] = user.FullName,
                ["domainname"] = user.DomainName, ["internalemailaddress"] = user.InternalEmailAddress, ["title"] = user.Title,
                ["isdisabled"] = user.IsDisabled, ["accessmode"] = user.AccessMode,
                ["azureactivedirectoryobjectid"] = user.AzureActiveDirectoryObjectId, ["applicationid"] = user.ApplicationId,
                ["businessunitid"] = new EntityReference("businessunit", world.BusinessUnitId),
            });
            scope.Associate("systemuserroles_association", user.Id, _roles[RoleOf(user.Role)]);
            if (user.Password is { } password) credentials.SetPassword(user.DomainName, password);
            if (user.ApplicationId is { } app) credentials.SetClientSecret(app, world.Spec.IntegrationClientSecret);
        }
    }

    private static string RoleOf(DemoUserRole role) => role switch
    {
        DemoUserRole.SystemAdministrator => DemoRoles.SystemAdministrator,
        DemoUserRole.IntegrationUser => DemoRoles.Integration,
        DemoUserRole.SalespersonWithoutOpportunityRead => DemoRoles.SalespersonWithoutOpportunities,
        _ => DemoRoles.Salesperson,
    };

    private void LoadReferenceData(DemoWorld.GeneratedWorld world, DateTimeOffset created)
    {
        _stakeholderRole = StableId.For("connectionrole", "Stakeholder");
        Put("connectionrole", _stakeholderRole, created, new() { ["name"] = "Stakeholder", ["category"] = 1000 });
        Put("connectionrole", StableId.For("connectionrole", "Sales Team"), created, new() { ["name"] = "Sales Team", ["category"] = 1001 });
        var publisher = StableId.For("publisher", "DefaultPublisher");
        Put("publisher", publisher, created, new()
        {
            ["uniquename"] = "DefaultPublisher" + org.Settings.UrlName, ["friendlyname"] = "Default Publisher for " + org.Settings.UrlName,
            ["customizationprefix"] = "new", ["customizationoptionvalueprefix"] = 10000,
        });
        Put("solution", StableId.For("solution", "Default"), created, new()
        {
            ["uniquename"] = "Default", ["friendlyname"] = "Default Solution", ["version"] = "1.0",
            ["ismanaged"] = false, ["isvisible"] = false, ["publisherid"] = new EntityReference("publisher", publisher),
        });
    }

    /// <summary>Rows that carry no owner or system columns beyond the basics (security and reference tables).</summary>
    private void Put(string table, Guid id, DateTimeOffset created, Dictionary<string, object?> values)
    {
        values["createdon"] = created;
        values["modifiedon"] = created;
        var definition = org.Schema.GetTable(table);
        if (definition.FindAttribute("statecode") is not null && !values.ContainsKey("statecode"))
        {
            values["statecode"] = 0;
            values["statuscode"] = definition.FindAttribute("statuscode")?.OptionSet?.Options.FirstOrDefault(o => o.State == 0)?.Value;
        }
        scope.Put(new EntityRow(table, id, values) { Version = scope.NextVersion() });
    }
}
