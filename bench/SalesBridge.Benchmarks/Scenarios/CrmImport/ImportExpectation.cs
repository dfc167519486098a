using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Dataverse;
using SalesBridge.Persistence;

namespace SalesBridge.Benchmarks.Scenarios.CrmImport;

/// <summary>
/// Checks a run's result another way than the import computes it: plain (not change-tracking) queries of the org's open
/// opportunities and stakeholder connections, joined in memory, against the saved items in the database. Runs after the
/// measured window.
/// </summary>
internal static class ImportExpectation
{
    public static async Task<(int Missing, int Extra, int Duplicated)> CompareAsync(DataverseClient client, SalesBridgeDbContext db, Guid contractId,
        CancellationToken cancellationToken)
    {
        var owners = await db.CrmUserSnapshots.Where(u => u.ContractId == contractId && u.Email != null)
            .Join(db.Users, u => u.Email!.ToUpper(), w => w.NormalizedEmail, (u, w) => new { u.SystemUserId, UserId = w.Id })
            .ToDictionaryAsync(x => x.SystemUserId, x => x.UserId, cancellationToken);
        var stakeholders = new List<(Guid Opportunity, Guid Contact)>();
        await foreach (var row in client.QueryAsync("connections", new DataverseQuery
        {
            Select = ["_record1id_value", "_record2id_value"], IncludeAnnotations = "Microsoft.Dynamics.CRM.lookuplogicalname",
        }, cancellationToken: cancellationToken))
        {
            if (Lookup(row, "_record1id_value") == "opportunity" && Lookup(row, "_record2id_value") == "contact")
                stakeholders.Add((Id(row, "_record1id_value")!.Value, Id(row, "_record2id_value")!.Value));
        }
        var byOpportunity = stakeholders.ToLookup(s => s.Opportunity, s => s.Contact);
        var expected = new HashSet<(Guid, Guid)>();
        await foreach (var row in client.QueryAsync("opportunities", new DataverseQuery
        {
            Select = ["opportunityid", "_ownerid_value", "_parentaccountid_value", "_parentcontactid_value", "_customerid_value"],
            Filter = ODataFilter.Eq("statecode", 0), IncludeAnnotations = "Microsoft.Dynamics.CRM.lookuplogicalname",
        }, cancellationToken: cancellationToken))
        {
            if (Id(row, "_ownerid_value") is not { } owner || !owners.TryGetValue(owner, out var userId)) continue;
            foreach (var column in new[] { "_parentaccountid_value", "_parentcontactid_value", "_customerid_value" })
                if (Id(row, column) is { } id) expected.Add((userId, id));
            foreach (var contact in byOpportunity[Id(row, "opportunityid")!.Value]) expected.Add((userId, contact));
        }

        var leads = await db.SavedLeads.Where(l => l.ContractId == contractId && l.ImportedFromCrm)
            .Select(l => new { l.OwnerId, l.CrmContact!.CrmId }).ToListAsync(cancellationToken);
        var accounts = await db.SavedAccounts.Where(a => a.ContractId == contractId && a.ImportedFromCrm)
            .Select(a => new { a.OwnerId, a.CrmAccount!.CrmId }).ToListAsync(cancellationToken);
        var actual = leads.Select(l => (l.OwnerId, l.CrmId)).Concat(accounts.Select(a => (a.OwnerId, a.CrmId))).ToList();
        var actualSet = actual.ToHashSet();
        return (expected.Count(e => !actualSet.Contains(e)), actualSet.Count(a => !expected.Contains(a)), actual.Count - actualSet.Count);
    }

    private static string? Lookup(JsonObject row, string column) => row[column + "@Microsoft.Dynamics.CRM.lookuplogicalname"]?.GetValue<string>();

    private static Guid? Id(JsonObject row, string column) => row[column]?.GetValue<string>() is { } text && Guid.TryParse(text, out var id) ? id : null;
}
