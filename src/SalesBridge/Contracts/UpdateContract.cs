using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.Contracts;

/// <summary>
/// Admins: rename the contract's company or change its seat count. The edition stays as bought; the seat count
/// never drops below the seats in use, so nobody loses a seat by a number being typed.
/// </summary>
public sealed class UpdateContract(SalesBridgeDbContext db) : IUseCase
{
    public const int MaxSeatCount = 100_000;

    public sealed record Request
    {
        /// <summary>Left out: unchanged.</summary>
        [StringLength(Contract.MaxCompanyNameLength, ErrorMessage = "companyName must be at most 200 characters.")]
        public string? CompanyName { get; init; }

        /// <summary>Left out: unchanged.</summary>
        [Range(1, MaxSeatCount, ErrorMessage = "seatCount must be between 1 and 100000.")]
        public int? SeatCount { get; init; }
    }

    /// <exception cref="ConflictException">The new seat count is below the seats assigned now.</exception>
    public async Task<ContractOverview> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        if (request.CompanyName is { } name && string.IsNullOrWhiteSpace(name))
        {
            throw new RequestValidationException("companyName", "companyName is required.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockContractAsync(caller.ContractId, cancellationToken);
        var contract = await db.Contracts.SingleAsync(contract => contract.Id == caller.ContractId, cancellationToken);
        if (request.SeatCount is { } seatCount)
        {
            var seatsUsed = await db.Seats.CountAsync(seat => seat.ContractId == caller.ContractId, cancellationToken);
            if (seatCount < seatsUsed)
            {
                throw new ConflictException(
                    $"{seatsUsed} seats of the contract are assigned, so the seat count cannot go below {seatsUsed}. Remove seats first.");
            }

            contract.SeatCount = seatCount;
        }

        if (request.CompanyName is { } companyName)
        {
            contract.CompanyName = companyName.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetContractOverview.ReadAsync(db, caller.ContractId, cancellationToken);
    }
}
