using SalesBridge.Access;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport;

/// <summary>Admins: <i>Sync now</i> (SPEC S21). Starts a run at once and returns it; its progress is read with <see cref="GetSyncRun"/>.</summary>
public sealed class SyncNow(StartSyncRun start, IImportRunQueue queue) : IUseCase
{
    /// <exception cref="Errors.ConflictException">Not connected, sync paused, or a run is already running.</exception>
    public async Task<SyncRunSummary> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var run = await start.StartAsync(caller.ContractId, SyncTrigger.SyncNow, caller.UserId, cancellationToken);
        await queue.EnqueueAsync(run.ContractId, run.Id, cancellationToken);
        return SyncRunSummary.Of(run);
    }
}
