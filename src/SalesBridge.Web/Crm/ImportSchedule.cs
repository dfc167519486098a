using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.CrmSettings;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Crm;

/// <summary>
/// Starts the scheduled runs (SPEC S21): every contract whose sync may run and whose interval has passed since its last
/// run, or whose last run was interrupted, gets a run handed to the <see cref="IImportRunQueue"/>. Each contract in its
/// own scope, so one contract's trouble cannot stop the others.
/// </summary>
internal sealed partial class ImportSchedule(IServiceScopeFactory scopes, TimeProvider time, ILogger<ImportSchedule> logger)
{
    /// <returns>The runs started.</returns>
    public async Task<IReadOnlyList<Guid>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = new List<Guid>();
        foreach (var contractId in await DueContractsAsync(now, cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var run = await scope.ServiceProvider.GetRequiredService<StartSyncRun>()
                    .StartAsync(contractId, SyncTrigger.Schedule, startedById: null, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<IImportRunQueue>().EnqueueAsync(contractId, run.Id, cancellationToken);
                started.Add(run.Id);
            }
            catch (ConflictException refused)
            {
                // Another node (or Sync now) started one since we looked, or the connection changed: nothing is due.
                StartRefused(logger, contractId, refused.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                StartCrashed(logger, contractId, exception);
            }
        }
        return started;
    }

    private async Task<List<Guid>> DueContractsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        // Same states as CheckConnectionHealth.SyncAllowed: paused and disconnected contracts do not sync.
        var contracts = await db.OrgConnections.AsNoTracking()
            .Where(c => c.Status == OrgConnectionStatus.Connected || c.Status == OrgConnectionStatus.Failing)
            .Select(c => new
            {
                c.ContractId,
                Interval = db.CrmSettings.Where(s => s.ContractId == c.ContractId).Select(s => (int?)s.SyncIntervalMinutes).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var due = new List<Guid>();
        foreach (var contract in contracts)
        {
            // One indexed read per contract (ContractId, StartedAt); cheap next to a run, and clear on every provider.
            var last = await db.SyncRuns.AsNoTracking().Where(r => r.ContractId == contract.ContractId)
                .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
            var interval = TimeSpan.FromMinutes(contract.Interval ?? ContractCrmSettings.DefaultSyncIntervalMinutes);
            if (SyncSchedule.IsDue(last, interval, now)) due.Add(contract.ContractId);
        }
        return due;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "No scheduled sync started for contract {ContractId}: {Reason}")]
    private static partial void StartRefused(ILogger logger, Guid contractId, string reason);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "The scheduled sync of contract {ContractId} could not be started")]
    private static partial void StartCrashed(ILogger logger, Guid contractId, Exception exception);
}
