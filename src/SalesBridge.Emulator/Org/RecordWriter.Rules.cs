using System.Globalization;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Org;

public sealed partial class RecordWriter
{
    /// <summary>
    /// Checks each value against its column: system columns are dropped (Dataverse ignores them on write),
    /// strings must fit, choices must be options, lookups must point at existing rows the caller may append to.
    /// </summary>
    private IEnumerable<KeyValuePair<string, object?>> Validated(TableDefinition table, IReadOnlyDictionary<string, object?> values,
        Caller caller, bool isCreate)
    {
        foreach (var (name, value) in values)
        {
            var column = table.FindAttribute(name) ?? throw DataverseErrors.InvalidPayloadProperty(table, name);
            if (!column.IsValidForWrite && !column.IsPrimaryId) continue;
            switch (value)
            {
                case string text when column.MaxLength is { } max && text.Length > max:
                    throw new DataverseFault(400, DataverseErrors.StringTooLong,
                        $"A validation error occurred. The length of the '{name}' attribute of the '{table.LogicalName}' entity " +
                        $"exceeded the maximum allowed length of '{max}'.");
                case int option when column.OptionSet is { } options && options.Find(option) is null:
                    throw new DataverseFault(400, DataverseErrors.StringTooLong,
                        $"A validation error occurred. The value {option} of '{name}' on record of type '{table.LogicalName}' is " +
                        $"outside the valid range. Accepted Values: {string.Join(',', options.Options.Select(o => o.Value))}");
                case EntityReference reference:
                    var target = org.Schema.GetTable(reference.Table);
                    if (Store.Find(reference.Table, reference.Id) is null) throw DataverseErrors.RowNotFound(reference.Table, reference.Id);
                    if (column.Type != AttributeType.Owner)
                    {
                        org.Security.Demand(caller, table, AccessRight.Append);
                        org.Security.Demand(caller, target, AccessRight.AppendTo);
                    }
                    break;
            }
            yield return new(name, value);
        }
    }

    /// <summary>A new row starts in state 0; a status reason must belong to the row's state.</summary>
    private static void ApplyStateDefaults(TableDefinition table, Dictionary<string, object?> row, EntityRow? existing)
    {
        var status = table.FindAttribute("statuscode")?.OptionSet;
        if (table.FindAttribute("statecode") is null || status is null) return;
        var stateChanged = row.TryGetValue("statecode", out var stateValue) && stateValue is int;
        var state = stateValue as int? ?? existing?["statecode"] as int? ?? 0;
        row["statecode"] = state;
        if (row.TryGetValue("statuscode", out var statusValue) && statusValue is int code)
        {
            if (status.Find(code)?.State is { } owner && owner != state)
            {
                throw DataverseErrors.BadRequest(
                    $"{code} is not a valid status code for state code {table.SchemaName}State.{state} on {table.LogicalName}.");
            }
        }
        else if (stateChanged || existing is null)
        {
            row["statuscode"] = status.Options.FirstOrDefault(o => o.State == state)?.Value;
        }
    }

    /// <summary>
    /// A completed or canceled activity is read-only: only its state and status (to reopen it) and its owner may
    /// change. A request that reopens the activity may edit it too. The error Dataverse returns here is not
    /// documented; InvalidState ("The object is not in a valid state to perform this operation.") is the closest
    /// documented one.
    /// </summary>
    private const string InvalidStateCode = "0x80040233";

    private static void EnsureOpenForEdit(TableDefinition table, EntityRow existing, IReadOnlyDictionary<string, object?> values)
    {
        if (!table.IsActivity || existing["statecode"] is not int state || state == 0) return;
        if (values.TryGetValue("statecode", out var newState) && newState is 0) return;
        var edited = values.Keys.FirstOrDefault(name => name is not ("statecode" or "statuscode" or "ownerid")
            && table.FindAttribute(name) is { IsValidForWrite: true, IsPrimaryId: false });
        if (edited is not null)
        {
            throw new DataverseFault(400, InvalidStateCode,
                $"The object is not in a valid state to perform this operation. The {table.LogicalName} with id {existing.Id} is closed " +
                $"(statecode {state}) and cannot be edited; '{edited}' was given.");
        }
    }

    private void ApplyDerivedColumns(TableDefinition table, Dictionary<string, object?> row)
    {
        if (table.FindAttribute("fullname") is { IsValidForWrite: false } && table.FindAttribute("firstname") is not null)
        {
            var first = row.GetValueOrDefault("firstname") as string;
            var last = row.GetValueOrDefault("lastname") as string;
            row["fullname"] = string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }
        if (table.IsActivity) row["activitytypecode"] = table.LogicalName;
        if (table.LogicalName == "annotation")
        {
            row["objecttypecode"] = (row.GetValueOrDefault("objectid") as EntityReference)?.Table;
            row["filesize"] = row.GetValueOrDefault("documentbody") is string body ? body.Length * 3 / 4 : 0;
        }
        if (table.LogicalName == "connection" && row.GetValueOrDefault("name") is null
            && row.GetValueOrDefault("record2id") is EntityReference record2)
        {
            var target = org.Schema.GetTable(record2.Table);
            row["name"] = target.PrimaryNameAttribute is { } primary ? Store.Find(record2.Table, record2.Id)?[primary] : null;
        }
    }

    /// <summary>
    /// Dataverse creates the reverse connection (record2 → record1) automatically; the original is the master.
    /// </summary>
    private EntityRow CreateReciprocalConnection(WriteScope scope, EntityRow master)
    {
        var reverse = new Dictionary<string, object?>(master.Values, StringComparer.Ordinal)
        {
            ["record1id"] = master["record2id"], ["record2id"] = master["record1id"],
            ["record1roleid"] = master["record2roleid"], ["record2roleid"] = master["record1roleid"],
            ["ismaster"] = false, ["relatedconnectionid"] = new EntityReference("connection", master.Id),
        };
        reverse.Remove("name");
        var connection = org.Schema.GetTable("connection");
        ApplyDerivedColumns(connection, reverse);
        var twin = new EntityRow("connection", Guid.NewGuid(), reverse) { Version = scope.NextVersion() };
        scope.Put(twin);
        var updatedMaster = master.With(new Dictionary<string, object?>
        {
            ["ismaster"] = true, ["relatedconnectionid"] = new EntityReference("connection", twin.Id),
        }, master.Version);
        scope.Put(updatedMaster);
        return updatedMaster;
    }

    /// <summary>
    /// Activities, notes and connections of a deleted row go with it (cascade); other lookups to it are cleared
    /// (remove link), which is what the standard relationships of these tables do.
    /// </summary>
    private void RemoveReferencesTo(WriteScope scope, EntityRow deleted, DateTimeOffset now)
    {
        foreach (var relationship in org.Schema.OneToManyRelationships.Where(r => r.ReferencedEntity == deleted.Table))
        {
            var referencing = Store.FindTable(relationship.ReferencingEntity);
            if (referencing is null || referencing.Definition.IsActivityUnion) continue;
            var cascade = referencing.Definition.IsActivity
                || relationship.ReferencingEntity is "annotation" or "connection"
                || (relationship.ReferencingEntity == StandardSchema.ActivityParty && relationship.ReferencingAttribute == "activityid");
            foreach (var row in referencing.InKeyOrder())
            {
                if (row.Reference(relationship.ReferencingAttribute)?.Id != deleted.Id) continue;
                if (Store.Find(row.Table, row.Id) is null) continue;
                if (cascade) scope.Remove(row, now);
                else scope.Put(row.With(new Dictionary<string, object?> { [relationship.ReferencingAttribute] = null }, scope.NextVersion()));
            }
        }
    }

    internal static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
