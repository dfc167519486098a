using SalesBridge.Access;
using SalesBridge.CrmSeats;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>Admins: the contract's assigned seats and their holders, by holder name, each with its standing against the CRM.</summary>
public sealed class ListSeats(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public async Task<Page<SeatSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var page = await db.Seats
            .Where(seat => seat.ContractId == caller.ContractId)
            .OrderBy(seat => seat.User.DisplayName).ThenBy(seat => seat.Id)
            .Select(seat => new { Summary = new SeatSummary(seat.Id, seat.UserId, seat.User.DisplayName, seat.User.Email ?? "", seat.AssignedAt), seat.CrmSyncEnabled })
            .ToPageAsync(request, cancellationToken);
        var ties = await SeatCrmTies.LoadAsync(db, caller.ContractId, cancellationToken);
        return new Page<SeatSummary>(
            page.Items.Select(row => row.Summary.WithCrm(ties.Describe(row.Summary.Email, row.CrmSyncEnabled))).ToList(),
            page.PageNumber, page.PageSize, page.TotalCount);
    }
}
