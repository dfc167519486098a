using System.Globalization;
using System.Text.Json.Nodes;
using SalesBridge.Conversations;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Text;

namespace SalesBridge.WriteBack;

/// <summary>
/// The Web API requests that put an item into the org as an activity of the SalesBridge solution (SPEC S15, S16, B6).
/// </summary>
/// <remarks>
/// Every request addresses the activity by its alternate key <c>sb_itemid</c> (a keyed upsert, "Use Upsert to Create or
/// Update a record"), so a retry after a lost answer lands on the same row:
/// <list type="bullet">
/// <item>The first write is create-only (<c>If-None-Match: *</c>): the whole activity with its parties in one request.
/// A 412 says an earlier attempt already created it, which counts as written.</item>
/// <item>A re-link (S17) is update-only (<c>If-Match: *</c>): the regarding record and the completed state. Parties are
/// not changed then: the Web API creates an activity's parties with the activity (deep insert), and the documents
/// describe no deep update of them.</item>
/// </list>
/// The text goes whole into <c>description</c>; items are at most 10,000 characters (notes), well inside what
/// activity descriptions hold, and an org whose column is shorter refuses the write with its own message, which the
/// item then shows — nothing is cut silently.
/// </remarks>
internal static class ActivityRequest
{
    public const int SubjectMaxLength = 200;

    // Activity states (activitypointer): 0 Open / status 1 Open; 1 Completed / status 2 Completed.
    private const int Open = 0, OpenStatus = 1, Completed = 1, CompletedStatus = 2;

    public static BatchOperation Create(SalesBridgeActivityTable table, WriteBackItem item, ActivityContent content, Guid ownerSystemUserId,
        (string Table, Guid CrmId)? regarding, string? itemUrl, Guid? impersonate)
    {
        var row = new JsonObject
        {
            ["activityid"] = item.ActivityId.ToString("D"),
            ["subject"] = ColumnFit.Shortened(content.Title, SubjectMaxLength),
            ["description"] = content.About is null ? content.Text : $"{content.Text}\n\n— {content.About} (as SalesBridge knows them)",
            ["actualstart"] = content.HappenedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["actualend"] = content.HappenedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["ownerid@odata.bind"] = $"/systemusers({ownerSystemUserId:D})",
            ["statecode"] = regarding is null ? Open : Completed,
            ["statuscode"] = regarding is null ? OpenStatus : CompletedStatus,
            [$"{table.LogicalName}_activity_parties"] = Parties(item, content, ownerSystemUserId, regarding),
        };
        if (table.HasThread && item.ThreadId is { } thread) row["sb_threadid"] = thread.ToString("D");
        if (itemUrl is not null) row["sb_itemurl"] = itemUrl;
        if (regarding is { } target) row[RegardingBind(table, target.Table)] = $"/{EntitySet(target.Table)}({target.CrmId:D})";
        return WithCaller(BatchOperation.Upsert(table.EntitySetName, Key(item), row, UpsertBehavior.CreateOnly), impersonate);
    }

    /// <summary>S17: the open activity now regards the record found for its person and is completed.</summary>
    public static BatchOperation Relink(SalesBridgeActivityTable table, WriteBackItem item, (string Table, Guid CrmId) regarding, Guid? impersonate)
    {
        var row = new JsonObject
        {
            [RegardingBind(table, regarding.Table)] = $"/{EntitySet(regarding.Table)}({regarding.CrmId:D})",
            ["statecode"] = Completed,
            ["statuscode"] = CompletedStatus,
        };
        return WithCaller(BatchOperation.Upsert(table.EntitySetName, Key(item), row, UpsertBehavior.UpdateOnly), impersonate);
    }

    public static EntityKey Key(WriteBackItem item) => EntityKey.Alternate((SalesBridgeSolution.ItemIdColumn, item.ItemId.ToString("D")));

    /// <summary>
    /// The single-valued navigation property of the polymorphic regarding lookup for one target, named
    /// <c>regardingobjectid_{target}_{activity}</c> as Dataverse names them (e.g. <c>regardingobjectid_contact_task</c>).
    /// </summary>
    private static string RegardingBind(SalesBridgeActivityTable table, string target) => $"regardingobjectid_{target}_{table.LogicalName}@odata.bind";

    private static string EntitySet(string table) => table + "s";

    private static JsonArray Parties(WriteBackItem item, ActivityContent content, Guid ownerSystemUserId, (string Table, Guid CrmId)? regarding)
    {
        // participationtypemask: 1 Sender, 2 To, 7 Organizer. A note has its author as organizer; a message its sender and
        // recipient, one of them the seat holder, the other the contact when the person has one.
        var seatHolder = (JsonNode)$"/systemusers({ownerSystemUserId:D})";
        var parties = new JsonArray();
        JsonObject Party(string bind, JsonNode target, int mask) => new() { [bind] = target, ["participationtypemask"] = mask };
        if (item.Kind == WriteBackItemKind.Note)
        {
            parties.Add(Party("partyid_systemuser@odata.bind", seatHolder, 7));
            return parties;
        }
        var inbound = content.Direction == MessageDirection.Inbound;
        parties.Add(Party("partyid_systemuser@odata.bind", seatHolder, inbound ? 2 : 1));
        if (regarding is { Table: "contact" } contact)
        {
            parties.Add(Party("partyid_contact@odata.bind", $"/contacts({contact.CrmId:D})", inbound ? 1 : 2));
        }
        return parties;
    }

    private static BatchOperation WithCaller(BatchOperation operation, Guid? impersonate)
    {
        if (impersonate is not { } userId) return operation;
        // S16 with the seat holder as creator: impersonation per request (MSCRMCallerID = systemuserid). Microsoft's page on
        // impersonation does not say whether the header may sit on a request inside a batch; it is a request header like
        // If-Match, which batch parts carry, so it is sent there.
        var headers = new Dictionary<string, string>(operation.Headers ?? new Dictionary<string, string>()) { ["MSCRMCallerID"] = userId.ToString("D") };
        return operation with { Headers = headers };
    }
}
