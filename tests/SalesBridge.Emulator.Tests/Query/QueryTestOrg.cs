using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Tests.Query;

/// <summary>
/// A small org for the query tests: one business unit, an administrator who reads everything and a salesperson who
/// reads only their own accounts and contacts, plus helpers to add rows straight into the store.
/// </summary>
public sealed class QueryTestOrg
{
    public QueryTestOrg()
    {
        Org = new EmulatedOrg(new OrgSettings(), TimeProvider.System);
        BusinessUnitId = Guid.NewGuid();
        Put("businessunit", BusinessUnitId, new() { ["name"] = "Root" });
        Admin = AddUser("Admin", PrivilegeDepth.Global);
        Salesperson = AddUser("Sales", PrivilegeDepth.Basic);
    }

    public EmulatedOrg Org { get; }
    public Guid BusinessUnitId { get; }
    public Caller Admin { get; }
    public Caller Salesperson { get; }

    public EntityRow Put(string table, Guid id, Dictionary<string, object?> values)
    {
        var row = new EntityRow(table, id, new Dictionary<string, object?>(values, StringComparer.Ordinal));
        Org.Store.Write(scope =>
        {
            scope.Put(new EntityRow(table, id, new Dictionary<string, object?>(values, StringComparer.Ordinal)) { Version = scope.NextVersion() });
            return 0;
        });
        return Org.Store.Find(table, id) ?? row;
    }

    public EntityRow Account(string name, Caller? owner = null, Dictionary<string, object?>? more = null) =>
        Owned("account", name is null ? new() : new() { ["name"] = name }, owner, more);

    public EntityRow Contact(string lastName, EntityRow? parent = null, Caller? owner = null, Dictionary<string, object?>? more = null) =>
        Owned("contact", new()
        {
            ["lastname"] = lastName, ["fullname"] = lastName,
            ["parentcustomerid"] = parent is null ? null : new EntityReference(parent.Table, parent.Id),
        }, owner, more);

    private EntityRow Owned(string table, Dictionary<string, object?> values, Caller? owner, Dictionary<string, object?>? more)
    {
        var user = owner ?? Admin;
        values["ownerid"] = new EntityReference("systemuser", user.UserId);
        values["owningbusinessunit"] = new EntityReference("businessunit", BusinessUnitId);
        values["statecode"] = 0;
        foreach (var (name, value) in more ?? []) values[name] = value;
        return Put(table, Guid.NewGuid(), values);
    }

    private Caller AddUser(string name, PrivilegeDepth ownRecords)
    {
        var userId = Guid.NewGuid();
        var roleId = Guid.NewGuid();
        Put("systemuser", userId, new() { ["fullname"] = name, ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId) });
        Put("role", roleId, new() { ["name"] = name });
        Org.Store.Write(scope => scope.Associate("systemuserroles_association", userId, roleId));
        foreach (var privilege in PrivilegeCatalog.All(Org.Schema).Where(p => p.StartsWith("prvRead", StringComparison.Ordinal)))
        {
            var depth = privilege is "prvReadAccount" or "prvReadContact" ? ownRecords : PrivilegeDepth.Global;
            Org.Security.Grant(roleId, privilege, depth);
        }
        return new Caller(userId, BusinessUnitId);
    }
}
