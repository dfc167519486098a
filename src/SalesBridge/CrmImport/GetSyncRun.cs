using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport;

/// <summary>Admins: one run of the contract's import (SPEC S21), also while it runs (the progress bar polls it).</summary>
public sealed class GetSyncRun(SalesBridgeDbContext db) : IUseCase
{
    /// <exception cref="NotFoundException">No such run in the caller's contract (another contract's run is not told apart).</exception>
    public async Task<SyncRunSummary> HandleAsync(Caller caller, Guid runId, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var run = await db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("Sync run", runId);
        return SyncRunSummary.Of(run);
    }
}
