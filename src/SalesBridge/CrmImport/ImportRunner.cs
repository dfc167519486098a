using Microsoft.EntityFrameworkCore;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>Executes a started run of a contract's import to its end. (Engine in progress: fails runs for now.)</summary>
public sealed class ImportRunner(SalesBridgeDbContext db, TimeProvider time)
{
    public async Task<SyncRunSummary> RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Status = SyncRunStatus.Failed;
        run.EndedAt = time.GetUtcNow();
        run.FailureMessage = "The import engine is not built yet.";
        await db.SaveChangesAsync(cancellationToken);
        return SyncRunSummary.Of(run);
    }
}
