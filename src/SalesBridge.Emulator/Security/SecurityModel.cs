using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Security;

/// <summary>
/// Security roles and what they grant. A user's privileges are the union of their roles' grants (deepest
/// depth wins); an impersonating caller's rights are the intersection of both users' (Microsoft: "Impersonate
/// another user using the Web API").
/// </summary>
public sealed class SecurityModel(OrgStore store)
{
    private readonly Dictionary<Guid, Dictionary<string, PrivilegeDepth>> _grants = [];
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, CachedPrivileges> _cache = new();
    private long _grantVersion;

    private sealed record CachedPrivileges(long GrantVersion, long AssociationVersion, IReadOnlyDictionary<string, PrivilegeDepth> Privileges);

    public void Grant(Guid roleId, string privilegeName, PrivilegeDepth depth)
    {
        lock (_gate)
        {
            if (!_grants.TryGetValue(roleId, out var grants)) _grants[roleId] = grants = new(StringComparer.Ordinal);
            grants[privilegeName] = depth;
            _grantVersion++;
        }
    }

    public void Revoke(Guid roleId, string privilegeName)
    {
        lock (_gate)
        {
            if (_grants.TryGetValue(roleId, out var grants)) grants.Remove(privilegeName);
            _grantVersion++;
        }
    }

    public IReadOnlyList<Guid> RolesOf(Guid userId)
    {
        var relationship = store.Schema.ManyToManyRelationships.First(r => r.SchemaName == "systemuserroles_association");
        return store.Associated(relationship, "systemuser", userId);
    }

    public IReadOnlyDictionary<string, PrivilegeDepth> GrantsOf(Guid roleId)
    {
        lock (_gate) return _grants.TryGetValue(roleId, out var g) ? new Dictionary<string, PrivilegeDepth>(g) : [];
    }

    /// <summary>The privileges a user holds through all roles, each at its deepest granted depth.</summary>
    public IReadOnlyDictionary<string, PrivilegeDepth> EffectivePrivileges(Guid userId)
    {
        long grantVersion;
        lock (_gate) grantVersion = _grantVersion;
        var associationVersion = store.AssociationVersion;
        if (_cache.TryGetValue(userId, out var cached) && cached.GrantVersion == grantVersion && cached.AssociationVersion == associationVersion)
        {
            return cached.Privileges;
        }
        var privileges = Compute(userId);
        _cache[userId] = new CachedPrivileges(grantVersion, associationVersion, privileges);
        return privileges;
    }

    private Dictionary<string, PrivilegeDepth> Compute(Guid userId)
    {
        var result = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal);
        foreach (var role in RolesOf(userId))
        {
            foreach (var (name, depth) in GrantsOf(role))
            {
                if (!result.TryGetValue(name, out var existing) || depth > existing) result[name] = depth;
            }
        }
        return result;
    }

    /// <summary>The depth at which the caller (and the user it impersonates) holds a privilege, or null.</summary>
    public PrivilegeDepth? DepthOf(Caller caller, string privilegeName)
    {
        var effective = EffectivePrivileges(caller.UserId).TryGetValue(privilegeName, out var d) ? d : (PrivilegeDepth?)null;
        if (effective is null || caller.CallingUserId is not { } real) return effective;
        var realDepth = EffectivePrivileges(real).TryGetValue(privilegeName, out var r) ? r : (PrivilegeDepth?)null;
        return realDepth is null ? null : (PrivilegeDepth)Math.Min((int)effective, (int)realDepth);
    }

    /// <summary>Throws Dataverse's 403 when the caller lacks the privilege for <paramref name="right"/> on the table.</summary>
    public PrivilegeDepth Demand(Caller caller, TableDefinition table, AccessRight right)
    {
        var name = PrivilegeCatalog.Name(table, right);
        return DepthOf(caller, name) ?? throw MissingPrivilege(caller, table, name);
    }

    /// <summary>Throws Dataverse's 403 unless the caller holds a privilege that belongs to no table (e.g. prvCreateEntity).</summary>
    public void DemandPrivilege(Caller caller, string privilegeName)
    {
        if (DepthOf(caller, privilegeName) is not null) return;
        throw new DataverseFault(403, DataverseErrors.PrivilegeDenied,
            $"Principal user (Id={caller.UserId}, type=8, roleCount={RolesOf(caller.UserId).Count}, privilegeCount={EffectivePrivileges(caller.UserId).Count}), " +
            $"is missing {privilegeName} privilege (Id={PrivilegeCatalog.IdOf(privilegeName)}). context.Caller={caller.RealUserId}");
    }

    /// <summary>
    /// For reads: which rows the caller may see. Null means all (global depth, or a table without owners).
    /// </summary>
    public Func<EntityRow, bool>? ReadScope(Caller caller, TableDefinition table)
    {
        var depth = Demand(caller, table, AccessRight.Read);
        return RowScope(caller, table, depth);
    }

    /// <summary>Throws when the row lies outside the depth at which the caller holds the privilege.</summary>
    public void DemandOnRow(Caller caller, TableDefinition table, AccessRight right, EntityRow row)
    {
        var depth = Demand(caller, table, right);
        if (RowScope(caller, table, depth) is { } scope && !scope(row))
        {
            throw new DataverseFault(403, DataverseErrors.PrivilegeDenied,
                $"Principal user (Id={caller.UserId}, type=8) is missing {right} access on record (Id={row.Id}) of entity " +
                $"'{table.LogicalName}' (OTC={table.ObjectTypeCode}) owned by another user. context.Caller={caller.RealUserId}");
        }
    }

    private Func<EntityRow, bool>? RowScope(Caller caller, TableDefinition table, PrivilegeDepth depth)
    {
        if (depth == PrivilegeDepth.Global || table.OwnershipType != OwnershipType.UserOwned) return null;
        if (depth == PrivilegeDepth.Basic) return row => row.Reference("ownerid")?.Id == caller.UserId;
        // Local and Deep: rows whose owning business unit is the caller's (the demo org has one BU tree level).
        var businessUnit = caller.BusinessUnitId;
        return row => row.Reference("owningbusinessunit")?.Id == businessUnit || row.Reference("ownerid")?.Id == caller.UserId;
    }

    // The documented message names the privilege with the table's logical name ("prvReadopportunity") while
    // RetrieveUserPrivileges names it with the schema name ("prvReadOpportunity"); both are kept.
    private DataverseFault MissingPrivilege(Caller caller, TableDefinition table, string privilegeName)
    {
        var user = store.Find("systemuser", caller.UserId);
        var roles = RolesOf(caller.UserId).Count;
        var privileges = EffectivePrivileges(caller.UserId).Count;
        var accessMode = user?["accessmode"] as int? ?? 0;
        var messageName = privilegeName[..^PrivilegeCatalog.EntityPart(table).Length]
            + (table.IsActivity || table.LogicalName is "annotation" or "systemuser" ? PrivilegeCatalog.EntityPart(table) : table.LogicalName);
        return new DataverseFault(403, DataverseErrors.PrivilegeDenied,
            $"Principal user (Id={caller.UserId}, type=8, roleCount={roles}, privilegeCount={privileges}, accessMode={accessMode}), " +
            $"is missing {messageName} privilege (Id={PrivilegeCatalog.IdOf(privilegeName)}) on OTC={table.ObjectTypeCode} " +
            $"for entity '{table.LogicalName}'. context.Caller={caller.RealUserId}");
    }
}
