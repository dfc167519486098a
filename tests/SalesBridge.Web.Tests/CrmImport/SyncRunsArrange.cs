using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmImport;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImport;

/// <summary>Runs and their errors written straight into the database, for history, chart and error-list tests.</summary>
internal static class SyncRunsArrange
{
    public const string SyncPath = "api/v1/admin/crm/sync";

    public static Task<SyncRun> InsertRunAsync(this WorkspaceHost host, Guid contractId, SyncRunStatus status, DateTimeOffset startedAt,
        TimeSpan? duration = null, SyncRunCounts? counts = null, string? checkpoint = null, DateTimeOffset? heartbeatAt = null,
        SyncTrigger trigger = SyncTrigger.Schedule, string? failure = null) => host.QueryAsync(async db =>
    {
        var ended = status == SyncRunStatus.Running ? (DateTimeOffset?)null : startedAt + (duration ?? TimeSpan.FromSeconds(42));
        var run = new SyncRun
        {
            ContractId = contractId, Trigger = trigger, Status = status, Mode = SyncReadMode.Changes, StartedAt = startedAt, EndedAt = ended,
            HeartbeatAt = heartbeatAt ?? ended ?? startedAt, Phase = status == SyncRunStatus.Running ? "Reading contacts" : "Done",
            StepsDone = 3, StepCount = 10, Counts = counts ?? new SyncRunCounts(), Checkpoint = checkpoint, FailureMessage = failure,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    });

    public static Task InsertErrorsAsync(this WorkspaceHost host, Guid runId, DateTimeOffset at, params string[] messages) => host.QueryAsync(async db =>
    {
        for (var i = 0; i < messages.Length; i++)
        {
            db.SyncRunErrors.Add(new SyncRunError { RunId = runId, Table = "contact", CrmId = Guid.NewGuid(), Message = messages[i], At = at.AddSeconds(i) });
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>Changes a run as the engine would while it runs.</summary>
    public static Task UpdateRunAsync(this WorkspaceHost host, Guid runId, Action<SyncRun> change) => host.QueryAsync(async db =>
    {
        change(await db.SyncRuns.SingleAsync(r => r.Id == runId));
        return await db.SaveChangesAsync();
    });

    public static Task<SyncRun> StoredRunAsync(this WorkspaceHost host, Guid runId) =>
        host.QueryAsync(db => db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    public static Task SetIntervalAsync(this WorkspaceHost host, Guid contractId, int minutes) => host.QueryAsync(async db =>
    {
        var settings = await db.CrmSettings.SingleOrDefaultAsync(s => s.ContractId == contractId);
        if (settings is null) db.CrmSettings.Add(new SalesBridge.CrmSettings.ContractCrmSettings { ContractId = contractId, SyncIntervalMinutes = minutes });
        else settings.SyncIntervalMinutes = minutes;
        return await db.SaveChangesAsync();
    });

    /// <summary>Waits (up to 30 s) until the background job has ended the run.</summary>
    public static async Task<SyncRun> WaitForEndAsync(this WorkspaceHost host, Guid runId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await host.StoredRunAsync(runId);
            if (run.Status != SyncRunStatus.Running || DateTime.UtcNow > until) return run;
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> JsonOkAsync(this HttpClient api, string path)
    {
        var response = await api.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
