using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.WriteBackReports;

/// <summary>Admins: the contract's unresolved task report (S15), by person, oldest first, optionally for one seat holder.</summary>
public sealed class ListUnresolved(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        /// <summary>Only this seat holder's open activities.</summary>
        public Guid? SeatHolderId { get; init; }
    }

    /// <exception cref="RequestValidationException">seatHolderId is not a user of the contract.</exception>
    public async Task<Page<UnresolvedRow>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        RequestValidation.Validate(request);
        await RequireUserAsync(db, caller, request.SeatHolderId, cancellationToken);
        var groups = await UnresolvedQueries.Groups(db, caller.ContractId, request.SeatHolderId).ToPageAsync(request, cancellationToken);
        var rows = await UnresolvedQueries.DescribeAsync(db, caller, request.SeatHolderId, groups.Items, cancellationToken);
        return new Page<UnresolvedRow>(rows, groups.PageNumber, groups.PageSize, groups.TotalCount);
    }

    internal static async Task RequireUserAsync(SalesBridgeDbContext db, Caller caller, Guid? seatHolderId, CancellationToken cancellationToken)
    {
        if (seatHolderId is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.ContractId == caller.ContractId, cancellationToken))
        {
            throw new RequestValidationException("seatHolderId", "seatHolderId is not a user of this contract.");
        }
    }
}
