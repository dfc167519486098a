using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.WriteBackReports;

/// <summary>Seat holders: their own unresolved task report (S15), by person, oldest first.</summary>
public sealed class ListMyUnresolved(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public async Task<Page<UnresolvedRow>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireSeat();
        var groups = await UnresolvedQueries.Groups(db, caller.ContractId, caller.UserId).ToPageAsync(request, cancellationToken);
        var rows = await UnresolvedQueries.DescribeAsync(db, caller, caller.UserId, groups.Items, cancellationToken);
        return new Page<UnresolvedRow>(rows, groups.PageNumber, groups.PageSize, groups.TotalCount);
    }
}
