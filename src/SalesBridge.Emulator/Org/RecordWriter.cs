using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Org;

/// <summary>
/// Creates, updates and deletes rows with the rules Dataverse applies: privileges, validation, system
/// columns (created/modified by and on, owner, business unit, version), state and status defaults, derived
/// names, alternate-key uniqueness and the reciprocal row of a connection. Every method runs inside the
/// caller's <see cref="WriteScope"/>, so a batch change set stays all-or-nothing.
/// </summary>
public sealed partial class RecordWriter(EmulatedOrg org)
{
    private OrgStore Store => org.Store;

    public EntityRow Create(WriteScope scope, TableDefinition table, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        if (table.IsActivityUnion)
        {
            throw DataverseErrors.BadRequest($"The 'Create' method does not support entities of type '{table.LogicalName}'.");
        }
        org.Security.Demand(caller, table, AccessRight.Create);
        var (columns, related) = SplitDeepInserts(values);
        var id = columns.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid g ? g : Guid.NewGuid();
        if (Store.Table(table.LogicalName).Find(id) is not null) throw DataverseErrors.DuplicateId(table.LogicalName, id);

        var created = Insert(scope, table, id, Validated(table, columns, caller, isCreate: true), caller, org.Time.GetUtcNow());
        CreateRelated(scope, table, created, related, caller);
        return created;
    }

    /// <summary>
    /// Stores a new row with its system columns. No privilege or value checks: <see cref="Create"/> has made
    /// them, or the org itself is loading its own data (the demo world).
    /// </summary>
    public EntityRow Insert(WriteScope scope, TableDefinition table, Guid id, IEnumerable<KeyValuePair<string, object?>> values,
        Caller caller, DateTimeOffset now)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values) row[name] = value;
        row.Remove(table.PrimaryIdAttribute);
        row["createdon"] = row.Remove("overriddencreatedon", out var overridden) && overridden is DateTimeOffset o ? o : now;
        row["modifiedon"] = now;
        row["createdby"] = row["modifiedby"] = new EntityReference("systemuser", caller.UserId);
        if (caller.CallingUserId is { } real) row["createdonbehalfby"] = row["modifiedonbehalfby"] = new EntityReference("systemuser", real);
        ApplyOwner(table, row, caller, row.TryGetValue("ownerid", out var owner) ? owner as EntityReference : null);
        ApplyStateDefaults(table, row, null);
        ApplyDerivedColumns(table, row);

        var created = new EntityRow(table.LogicalName, id, row) { Version = scope.NextVersion() };
        EnsureKeysUnique(created);
        scope.Put(created);
        if (table.LogicalName == "connection") return CreateReciprocalConnection(scope, created);
        return created;
    }

    public EntityRow Update(WriteScope scope, TableDefinition table, EntityRow existing, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        org.Security.DemandOnRow(caller, table, AccessRight.Write, existing);
        RefuseDeepUpdate(table, values);
        EnsureOpenForEdit(table, existing, values);
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in Validated(table, values, caller, isCreate: false))
        {
            if (name == table.PrimaryIdAttribute) continue;
            changes[name] = value;
        }
        changes["modifiedon"] = org.Time.GetUtcNow();
        changes["modifiedby"] = new EntityReference("systemuser", caller.UserId);
        changes["modifiedonbehalfby"] = caller.CallingUserId is { } real ? new EntityReference("systemuser", real) : null;
        if (changes.TryGetValue("ownerid", out var owner) && owner is EntityReference newOwner
            && newOwner.Id != existing.Reference("ownerid")?.Id)
        {
            org.Security.DemandOnRow(caller, table, AccessRight.Assign, existing);
            ApplyOwner(table, changes, caller, newOwner);
        }
        ApplyStateDefaults(table, changes, existing);
        var merged = existing.With(changes, scope.NextVersion());
        var derived = new Dictionary<string, object?>(merged.Values, StringComparer.Ordinal);
        ApplyDerivedColumns(table, derived);
        var updated = new EntityRow(table.LogicalName, existing.Id, derived) { Version = merged.Version };
        EnsureKeysUnique(updated);
        scope.Put(updated);
        return updated;
    }

    public void Delete(WriteScope scope, TableDefinition table, EntityRow row, Caller caller)
    {
        org.Security.DemandOnRow(caller, table, AccessRight.Delete, row);
        var now = org.Time.GetUtcNow();
        scope.Remove(row, now);
        if (row.Reference("relatedconnectionid") is { } related && Store.Find("connection", related.Id) is { } twin)
        {
            scope.Remove(twin, now);
        }
        RemoveReferencesTo(scope, row, now);
    }

    private void EnsureKeysUnique(EntityRow row)
    {
        if (Store.Table(row.Table).FindKeyClash(row) is not null) throw DataverseErrors.KeyExists();
    }

    private void ApplyOwner(TableDefinition table, Dictionary<string, object?> row, Caller caller, EntityReference? owner)
    {
        if (table.OwnershipType != OwnershipType.UserOwned) return;
        var ownerRef = owner ?? new EntityReference("systemuser", caller.UserId);
        var ownerRow = Store.Find("systemuser", ownerRef.Id) ?? throw DataverseErrors.RowNotFound("systemuser", ownerRef.Id);
        row["ownerid"] = ownerRef;
        row["owninguser"] = ownerRef;
        row["owningbusinessunit"] = ownerRow.Reference("businessunitid");
    }
}
