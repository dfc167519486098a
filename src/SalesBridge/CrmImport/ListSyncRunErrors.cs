using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport;

/// <summary>Admins: the records a run could not import and why (B8), in the order they happened.</summary>
public sealed class ListSyncRunErrors(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    /// <exception cref="NotFoundException">No such run in the caller's contract.</exception>
    public async Task<Page<SyncRunErrorSummary>> HandleAsync(Caller caller, Guid runId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        if (!await db.SyncRuns.AnyAsync(r => r.Id == runId && r.ContractId == caller.ContractId, cancellationToken))
        {
            throw new NotFoundException("Sync run", runId);
        }
        return await db.SyncRunErrors.AsNoTracking().Where(e => e.RunId == runId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new SyncRunErrorSummary(e.Id, e.Table, e.CrmId, e.Message, e.At))
            .ToPageAsync(request, cancellationToken);
    }
}

/// <summary>One record a run skipped: its CRM table and id, and what went wrong.</summary>
public sealed record SyncRunErrorSummary(Guid Id, string Table, Guid? CrmId, string Message, DateTimeOffset At);
