using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>Admins: the contract's assigned seats and their holders, by holder name.</summary>
public sealed class ListSeats(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest;

    public Task<Page<SeatSummary>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        return db.Seats
            .Where(seat => seat.ContractId == caller.ContractId)
            .OrderBy(seat => seat.User.DisplayName).ThenBy(seat => seat.Id)
            .Select(seat => new SeatSummary(seat.Id, seat.UserId, seat.User.DisplayName, seat.User.Email ?? "", seat.AssignedAt))
            .ToPageAsync(request, cancellationToken);
    }
}
