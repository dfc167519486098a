using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportEngine;

/// <summary>
/// The matching weights a run learned against the whole directory are kept on the finished run, and a delta run scores
/// its few changed contacts with them (carrying them on) instead of learning again from a pre-selected crowd.
/// </summary>
public sealed class KeptMatchWeightsTests
{
    [Fact]
    public async Task DeltaRun_ScoresChangedContactsWithTheFirstRunsWeights_AndCarriesThemOn()
    {
        await using var org = await ImportOrg.StartAsync(TestDatabases.Sqlite, "demo");
        foreach (var salesperson in org.Salespeople) await org.AddSeatHolderAsync(salesperson);
        var first = await org.RunAsync();
        first.Status.ShouldBe(SyncRunStatus.Succeeded);
        var firstModels = await ModelsOfAsync(org, first.Id);
        firstModels?["people"].ShouldNotBeNull();
        var tied = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => c.PersonId != null && c.Match.State == CrmMatchState.Matched)
            .OrderBy(c => c.CrmId).Take(3).Select(c => new { c.CrmId, c.PersonId }).ToListAsync());
        tied.Count.ShouldBe(3);

        foreach (var contact in tied) await org.UpdateAsync("contacts", contact.CrmId, new JsonObject { ["jobtitle"] = "Chief Changing Officer" });
        var second = await org.RunAsync();

        second.Mode.ShouldBe(SyncReadMode.Changes);
        var after = await org.Host.QueryAsync(db => db.CrmContacts.Where(c => tied.Select(t => t.CrmId).Contains(c.CrmId))
            .Select(c => new { c.CrmId, c.PersonId, c.MatchPending }).ToListAsync());
        foreach (var contact in after)
        {
            contact.MatchPending.ShouldBeFalse();
            contact.PersonId.ShouldBe(tied.Single(t => t.CrmId == contact.CrmId).PersonId);
        }
        // Not learned again from the few: the same weights, carried on for the run after.
        (await ModelsOfAsync(org, second.Id))!.ToJsonString().ShouldBe(firstModels!.ToJsonString());

        // Kept on the latest successful run only: older runs' copies would pile up with every scheduled run.
        (await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == first.Id).Select(r => r.Checkpoint).SingleAsync())).ShouldBeNull();
    }

    private static async Task<JsonNode?> ModelsOfAsync(ImportOrg org, Guid runId)
    {
        var checkpoint = await org.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == runId).Select(r => r.Checkpoint).SingleAsync());
        return JsonNode.Parse(checkpoint!)?["matchModels"];
    }
}
