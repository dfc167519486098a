using System.Net;
using System.Text.Json;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.CrmSeats;
using SalesBridge.Web.Tests.Infrastructure;
using static SalesBridge.Web.Tests.CrmImport.SyncRunsArrange;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary><c>/api/v1/admin/crm/sync</c>: Sync now, the status, the history with its chart, a run and its errors (SPEC S21, B7, B8).</summary>
[Collection(CrmCollection.Name)]
public sealed class SyncApiTests(CrmWorkspaceFixture fixture)
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SyncNow_Connected_Is202WithTheRun_TheJobRunsItAndTheHistoryShowsIt(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        using var api = await host.ApiClientAsync(contract.Admin);

        var response = await api.PostAsync($"{SyncPath}/sync-now", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.ProblemAsync();
        var runId = started.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/admin/crm/sync/runs/{runId}");
        started.GetProperty("trigger").GetString().ShouldBe("SyncNow");
        // Executed in the background by the host's job, not on the request: it ends by itself.
        var ended = await host.WaitForEndAsync(runId);
        ended.Status.ShouldNotBe(SyncRunStatus.Running);
        ended.EndedAt.ShouldNotBeNull();
        ended.StartedById.ShouldBe(contract.Admin.Id);

        var run = await api.JsonOkAsync(response.Headers.Location.OriginalString.TrimStart('/'));
        run.GetProperty("status").GetString().ShouldBe(ended.Status.ToString());
        run.GetProperty("percentDone").GetInt32().ShouldBe(100);
        var status = await api.JsonOkAsync($"{SyncPath}/status");
        status.GetProperty("running").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("lastFinished").GetProperty("id").GetGuid().ShouldBe(runId);
        status.GetProperty("syncAllowed").GetBoolean().ShouldBeTrue();
        status.GetProperty("nextScheduledAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        var history = await api.JsonOkAsync($"{SyncPath}/runs");
        history.GetProperty("runs").GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(runId);
        history.GetProperty("chart").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(runId);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SyncNow_WhileRunningOrNotConnectedOrPaused_Is409WithTheReason_NoRunStarted(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        using var api = await host.ApiClientAsync(contract.Admin);

        var notConnected = await api.PostAsync($"{SyncPath}/sync-now", null);
        notConnected.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notConnected.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("not connected to a CRM");

        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var running = await host.InsertRunAsync(contract.Id, SyncRunStatus.Running, DateTimeOffset.UtcNow.AddSeconds(-10), heartbeatAt: DateTimeOffset.UtcNow);
        var busy = await api.PostAsync($"{SyncPath}/sync-now", null);
        busy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await busy.ProblemAsync()).GetProperty("detail").GetString().ShouldBe(StartSyncRun.AlreadyRunning);
        var status = await api.JsonOkAsync($"{SyncPath}/status");
        status.GetProperty("running").GetProperty("id").GetGuid().ShouldBe(running.Id);
        status.GetProperty("running").GetProperty("percentDone").GetInt32().ShouldBe(30);
        status.GetProperty("running").GetProperty("phase").GetString().ShouldBe("Reading contacts");

        await host.SetConnectionStatusAsync(contract.Id, OrgConnectionStatus.Paused);
        var paused = await api.PostAsync($"{SyncPath}/sync-now", null);
        paused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await paused.ProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("Sync is paused");
        (await api.JsonOkAsync($"{SyncPath}/runs")).GetProperty("runs").GetProperty("totalCount").GetInt32().ShouldBe(1);
        (await api.JsonOkAsync($"{SyncPath}/status")).GetProperty("nextScheduledAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Runs_NewestFirstPaged_ChartOfLast20Finished_ErrorsPaged(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var runs = new List<SyncRun>();
        for (var i = 0; i < 24; i++)
        {
            runs.Add(await host.InsertRunAsync(contract.Id, i == 5 ? SyncRunStatus.SucceededWithErrors : SyncRunStatus.Succeeded, start.AddMinutes(15 * i),
                TimeSpan.FromSeconds(10 + i), new SyncRunCounts { CrmRequests = 100 + i, Added = i, Errors = i == 5 ? 3 : 0 }));
        }
        var running = await host.InsertRunAsync(contract.Id, SyncRunStatus.Running, DateTimeOffset.UtcNow, heartbeatAt: DateTimeOffset.UtcNow);
        await host.InsertErrorsAsync(runs[5].Id, start, "Contact has no last name", "Account owner unknown", "Email not valid");
        using var api = await host.ApiClientAsync(contract.Admin);

        var page = await api.JsonOkAsync($"{SyncPath}/runs?pageSize=10&page=2");
        page.GetProperty("runs").GetProperty("totalCount").GetInt32().ShouldBe(25);
        page.GetProperty("runs").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())
            .ShouldBe(runs.AsEnumerable().Reverse().Skip(9).Take(10).Select(r => r.Id));
        var chart = page.GetProperty("chart").EnumerateArray().ToList();
        chart.Select(p => p.GetProperty("id").GetGuid()).ShouldBe(runs.Skip(4).Select(r => r.Id), "the last 20 finished runs, oldest first; the running one is not charted");
        chart[^1].GetProperty("durationSeconds").GetDouble().ShouldBe(33);
        chart[^1].GetProperty("crmRequests").GetInt32().ShouldBe(123);
        (await api.JsonOkAsync($"{SyncPath}/runs")).GetProperty("runs").GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(running.Id);

        var errors = await api.JsonOkAsync($"{SyncPath}/runs/{runs[5].Id}/errors?pageSize=2");
        errors.GetProperty("totalCount").GetInt32().ShouldBe(3);
        errors.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString())
            .ShouldBe(["Contact has no last name", "Account owner unknown"]);
        errors.GetProperty("items")[0].GetProperty("table").GetString().ShouldBe("contact");
        (await api.JsonOkAsync($"{SyncPath}/runs/{runs[6].Id}/errors")).GetProperty("totalCount").GetInt32().ShouldBe(0);

        var badPage = await api.GetAsync($"{SyncPath}/runs?pageSize=0");
        badPage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPage.ProblemAsync()).GetProperty("errors").GetProperty("pageSize").ToString().ShouldContain("pageSize must be between 1 and 200");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Sync_SeatHolder403_OtherContractsRun404(string database)
    {
        var host = await fixture.HostAsync(database);
        var contract = await host.CreateAsync();
        var other = await host.CreateAsync();
        await host.ConnectApplicationUserAsync(contract, fixture.Emulator);
        var theirs = await host.InsertRunAsync(other.Id, SyncRunStatus.Failed, DateTimeOffset.UtcNow.AddHours(-1), failure: "B's failure");
        await host.InsertErrorsAsync(theirs.Id, DateTimeOffset.UtcNow, "B's error");
        var mine = await host.InsertRunAsync(contract.Id, SyncRunStatus.Succeeded, DateTimeOffset.UtcNow.AddHours(-1));

        using var seatHolder = await host.ApiClientAsync(contract.SeatHolder);
        foreach (var path in new[] { "status", "runs", $"runs/{mine.Id}", $"runs/{mine.Id}/errors" })
        {
            (await seatHolder.GetAsync($"{SyncPath}/{path}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
        (await seatHolder.PostAsync($"{SyncPath}/sync-now", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await host.ApiClientAsync(contract.AdminSeatHolder);
        (await admin.GetAsync($"{SyncPath}/runs/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"{SyncPath}/runs/{theirs.Id}/errors")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var history = await admin.JsonOkAsync($"{SyncPath}/runs");
        history.GetProperty("runs").GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(mine.Id);
        (await admin.JsonOkAsync($"{SyncPath}/status")).GetProperty("lastFinished").GetProperty("id").GetGuid().ShouldBe(mine.Id);
        (await host.StoredRunAsync(theirs.Id)).Status.ShouldBe(SyncRunStatus.Failed);
    }
}
