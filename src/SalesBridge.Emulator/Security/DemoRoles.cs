using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Security;

/// <summary>
/// The security roles of the demo org and what each grants, modelled on Dynamics 365 Sales' own roles:
/// System Administrator (everything, org-wide), Salesperson (business-unit reads, own-row writes), a
/// Salesperson variant without opportunity read (to show a privilege failure), and the integration role an
/// admin gives the SalesBridge application user.
/// </summary>
public static class DemoRoles
{
    public const string SystemAdministrator = "System Administrator";
    public const string Salesperson = "Salesperson";
    public const string SalespersonWithoutOpportunities = "Salesperson (no opportunity access)";
    public const string Integration = "SalesBridge Integration";

    private static readonly string[] SalesTables = ["account", "contact", "lead", "opportunity", "connection", "annotation", "task"];
    private static readonly string[] ReferenceTables = ["systemuser", "businessunit", "organization", "connectionrole", "role", "solution", "publisher", "privilege", "activitypointer"];

    public static IReadOnlyDictionary<string, PrivilegeDepth> Grants(OrgSchema schema, string role) => role switch
    {
        SystemAdministrator => PrivilegeCatalog.All(schema).ToDictionary(p => p, _ => PrivilegeDepth.Global),
        Salesperson => SalespersonGrants(schema, includeOpportunities: true),
        SalespersonWithoutOpportunities => SalespersonGrants(schema, includeOpportunities: false),
        Integration => IntegrationGrants(schema),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a demo role."),
    };

    private static Dictionary<string, PrivilegeDepth> SalespersonGrants(OrgSchema schema, bool includeOpportunities)
    {
        var grants = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal);
        foreach (var table in SalesTables.Select(schema.GetTable))
        {
            if (!includeOpportunities && table.LogicalName == "opportunity") continue;
            grants[PrivilegeCatalog.Name(table, AccessRight.Read)] = PrivilegeDepth.Local;
            foreach (var right in new[] { AccessRight.Create, AccessRight.Write, AccessRight.Delete, AccessRight.Append, AccessRight.AppendTo, AccessRight.Assign, AccessRight.Share })
            {
                grants[PrivilegeCatalog.Name(table, right)] = PrivilegeDepth.Basic;
            }
        }
        AddReferenceGrants(schema, grants);
        return grants;
    }

    private static Dictionary<string, PrivilegeDepth> IntegrationGrants(OrgSchema schema)
    {
        var grants = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal);
        AddReferenceGrants(schema, grants);
        foreach (var table in SalesTables.Select(schema.GetTable)) grants[PrivilegeCatalog.Name(table, AccessRight.Read)] = PrivilegeDepth.Global;
        foreach (var table in SalesTables.Select(schema.GetTable))
        {
            foreach (var right in new[] { AccessRight.Create, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo, AccessRight.Assign })
            {
                grants[PrivilegeCatalog.Name(table, right)] = PrivilegeDepth.Global;
            }
        }
        grants[PrivilegeCatalog.Name(schema.GetTable("annotation"), AccessRight.Delete)] = PrivilegeDepth.Global;
        grants[PrivilegeCatalog.Name(schema.GetTable("task"), AccessRight.Delete)] = PrivilegeDepth.Global;
        grants[PrivilegeCatalog.ActOnBehalfOfAnotherUser] = PrivilegeDepth.Global;
        grants[PrivilegeCatalog.CreateEntity] = grants[PrivilegeCatalog.CreateAttribute] = grants[PrivilegeCatalog.CreateEntityKey] = PrivilegeDepth.Global;
        // Installing the SalesBridge solution (publisher, solution, activity tables) is done by this user, as a
        // System Customizer would.
        foreach (var table in new[] { "publisher", "solution" }.Select(schema.GetTable))
        {
            grants[PrivilegeCatalog.Name(table, AccessRight.Create)] = PrivilegeDepth.Global;
            grants[PrivilegeCatalog.Name(table, AccessRight.Write)] = PrivilegeDepth.Global;
            grants[PrivilegeCatalog.Name(table, AccessRight.Append)] = PrivilegeDepth.Global;
        }
        return grants;
    }

    // Everyone reads the org's reference data and may link rows to it (e.g. a connection's role).
    private static void AddReferenceGrants(OrgSchema schema, Dictionary<string, PrivilegeDepth> grants)
    {
        foreach (var table in ReferenceTables.Select(schema.GetTable))
        {
            grants[PrivilegeCatalog.Name(table, AccessRight.Read)] = PrivilegeDepth.Global;
            grants[PrivilegeCatalog.Name(table, AccessRight.AppendTo)] = PrivilegeDepth.Global;
        }
    }
}
