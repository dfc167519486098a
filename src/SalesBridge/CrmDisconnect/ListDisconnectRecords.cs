using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmDisconnect;

/// <summary>Admins: the contract's disconnects, newest first, with what each clean-up removed (B8 audit).</summary>
public sealed class ListDisconnectRecords(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public async Task<Page<DisconnectRecordSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var page = await db.DisconnectRecords.AsNoTracking()
            .Where(record => record.ContractId == caller.ContractId)
            .OrderByDescending(record => record.DisconnectedAt).ThenByDescending(record => record.Id)
            .ToPageAsync(request, cancellationToken);
        return new Page<DisconnectRecordSummary>(page.Items.Select(DisconnectRecordSummary.From).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
    }
}
