using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Limits;
using SalesBridge.Notes;
using SalesBridge.Persistence;
using SalesBridge.Web.Tests.Infrastructure;
using SalesBridge.WriteBack;

namespace SalesBridge.Web.Tests.WriteBack;

/// <summary>
/// B6 in small (the chaos script, scripts/write-back-chaos.sh, does it with 10,000 items and a killed process): items
/// written through an org that fails requests, by passes that die half-way or lose the CRM's answer, end up in the org
/// exactly once — counted there by <c>sb_itemid</c>, not taken from what SalesBridge recorded.
/// </summary>
public sealed class WriteBackExactlyOnceTests
{
    private const int Items = 300;

    [Fact]
    public async Task FaultsInterruptedPassesAndLostAnswers_EveryItemIsInTheOrgExactlyOnce()
    {
        // Sixty passes of 300 requests each would outrun the org's 5-minute request budget, which paces writes (its own tests
        // are in RequestBudgetTests); this test is about exactly-once, so the budget is out of the way.
        await using var org = await WriteBackOrg.StartAsync(TestDatabases.Sqlite, hostSettings: ["--Crm:OrgRequestBudget=1000000"]);
        // The passes are run (and interrupted) here; the host's own worker would race them, so its scheduler stands by.
        await (await org.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();
        var (matched, contactId) = await org.MatchedPersonAsync();
        var unmatched = await org.UnmatchedPersonAsync();
        var items = await QueueNotesAsync(org, i => i % 3 == 2 ? unmatched : matched);

        var emulator = org.Import.Org.Emulator;
        emulator.Services.GetRequiredService<TrafficDirectory>().For(emulator.Org).Faults.Apply(new FaultPlan(Seed: 9,
        [
            new FaultRule(FaultKind.ExpiredToken) { Count = 1, Path = "$batch" },
            new FaultRule(FaultKind.DropConnection) { Probability = 0.02 },
            new FaultRule(FaultKind.ServiceUnavailable) { Probability = 0.05 },
            new FaultRule(FaultKind.TooManyRequests) { Probability = 0.10 },
        ]));

        var random = new Random(9);
        var passes = 0;
        var lostAnswers = 0;
        while (await org.Host.QueryAsync(db => db.WriteBackItems.CountAsync(i => i.ContractId == org.ContractId && i.Pending)) > 0)
        {
            // Crashes and lost answers strike in the first 30 passes only; after them the outbox must drain, however the
            // faults fell, within the next 60 (with crashes to the end, whether it drains would be a matter of luck).
            if (passes++ >= 90)
            {
                var left = await org.Host.QueryAsync(db => db.WriteBackItems.Where(i => i.ContractId == org.ContractId && i.Pending)
                    .GroupBy(i => new { i.Status, i.Reason }).Select(g => $"{g.Count()} × {g.Key.Status}: {g.Key.Reason}").ToListAsync());
                throw new ShouldAssertException($"The outbox should drain within 90 passes; still pending: {string.Join("; ", left)}");
            }
            await using (var scope = org.Host.Services.CreateAsyncScope())
            {
                var writer = scope.ServiceProvider.GetRequiredService<WriteBackWriter>();
                if (passes <= 30 && passes % 3 == 1)
                {
                    // A crash mid-pass: the process (here: the pass and its unit of work) is gone at a random moment, before,
                    // during or after the CRM call.
                    using var crash = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(5, 200)));
                    try
                    {
                        await writer.DrainAsync(org.ContractId, crash.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                else
                {
                    await writer.DrainAsync(org.ContractId, CancellationToken.None);
                }
            }
            if (passes <= 30 && passes % 3 == 2)
            {
                // A crash between the CRM's write and the database's save: some items the CRM holds are pending again.
                lostAnswers += await org.Host.QueryAsync(db => db.WriteBackItems
                    .Where(i => i.ContractId == org.ContractId && !i.Pending && (i.Status == WriteBackStatus.Written || i.Status == WriteBackStatus.Unresolved))
                    .OrderBy(i => i.ItemId).Take(40)
                    .ExecuteUpdateAsync(set => set.SetProperty(i => i.Pending, true).SetProperty(i => i.Status, WriteBackStatus.Queued)));
            }
            // Stands for the back-off of the retries having passed, so that the test does not wait for it.
            await org.Host.QueryAsync(db => db.WriteBackItems.Where(i => i.ContractId == org.ContractId && i.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.DueAt, (DateTimeOffset?)null)));
        }
        var plan = emulator.Services.GetRequiredService<TrafficDirectory>().For(emulator.Org);
        var faulted = plan.Calls.Total.Faulted;
        plan.Faults.Clear();

        faulted.ShouldBeGreaterThan(0, "faults must have struck, or the test proves nothing");
        lostAnswers.ShouldBeGreaterThan(0);
        var statuses = await org.Host.QueryAsync(db => db.WriteBackItems.Where(i => i.ContractId == org.ContractId)
            .ToDictionaryAsync(i => i.ItemId, i => i.Status));
        statuses.Values.Count(s => s == WriteBackStatus.Written).ShouldBe(Items - Items / 3);
        statuses.Values.Count(s => s == WriteBackStatus.Unresolved).ShouldBe(Items / 3);

        var table = SalesBridgeSolution.TableFor(WriteBackItemKind.Note);
        var activities = await org.Import.Crm.QueryAsync(table.EntitySetName, new DataverseQuery
        {
            Select = [SalesBridgeSolution.ItemIdColumn, "statecode", "_regardingobjectid_value"],
        }).ToListAsync();
        var byItem = activities.GroupBy(a => Guid.Parse(a[SalesBridgeSolution.ItemIdColumn]!.GetValue<string>())).ToDictionary(g => g.Key, g => g.ToList());
        items.Where(id => !byItem.ContainsKey(id)).ShouldBeEmpty("every item in the org");
        byItem.Where(g => g.Value.Count > 1).Select(g => g.Key).ShouldBeEmpty("no item twice");
        activities.Count.ShouldBe(Items, "no activity for anything else");
        foreach (var (itemId, rows) in byItem)
        {
            var completed = statuses[itemId] == WriteBackStatus.Written;
            rows[0]["statecode"]!.GetValue<int>().ShouldBe(completed ? 1 : 0);
            if (completed) rows[0]["_regardingobjectid_value"]!.GetValue<Guid>().ShouldBe(contactId);
        }
    }

    /// <summary>Notes with Copy to CRM and their outbox rows, committed as AddNote commits them, without waking a worker.</summary>
    private static async Task<List<Guid>> QueueNotesAsync(WriteBackOrg org, Func<int, Guid> personOf)
    {
        await using var scope = org.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<WriteBackOutbox>();
        var ids = new List<Guid>();
        for (var i = 0; i < Items; i++)
        {
            var note = new Note
            {
                ContractId = org.ContractId, AuthorId = org.Seller.Id, PersonId = personOf(i), CopyToCrm = true,
                Text = $"Note {i} for the exactly-once test.", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Notes.Add(note);
            outbox.Add(org.ContractId, WriteBackItemKind.Note, note.Id, org.Seller.Id, note.PersonId, null, threadId: null);
            ids.Add(note.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
