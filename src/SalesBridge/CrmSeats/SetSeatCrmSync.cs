using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSeats;

/// <summary>
/// Admins: <i>Enable CRM Sync</i> / <i>Disable CRM Sync</i> for one seat (SPEC S18). The choice counts while auto sync
/// of all seats is off; while it is on every tied seat syncs, and the choice is kept for when it is switched off.
/// Safe to repeat.
/// </summary>
public sealed class SetSeatCrmSync(SalesBridgeDbContext db, WriteBack.WriteBackHolds holds) : IUseCase
{
    public sealed record Request
    {
        [Required(ErrorMessage = "enabled is required (true or false).")]
        public bool? Enabled { get; init; }
    }

    /// <exception cref="NotFoundException">No such seat in the caller's contract.</exception>
    public async Task<SeatSummary> HandleAsync(Caller caller, Guid seatId, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var seat = await db.Seats.Include(s => s.User).SingleOrDefaultAsync(s => s.Id == seatId && s.ContractId == caller.ContractId, cancellationToken)
            ?? throw new NotFoundException("Seat", seatId);
        seat.CrmSyncEnabled = request.Enabled!.Value;
        await db.SaveChangesAsync(cancellationToken);
        if (seat.CrmSyncEnabled) await holds.ReleaseAsync(caller.ContractId, cancellationToken);
        var ties = await SeatCrmTies.LoadAsync(db, caller.ContractId, cancellationToken);
        return new SeatSummary(seat.Id, seat.UserId, seat.User.DisplayName, seat.User.Email ?? "", seat.AssignedAt)
            .WithCrm(ties.Describe(seat.User.Email, seat.CrmSyncEnabled));
    }
}
