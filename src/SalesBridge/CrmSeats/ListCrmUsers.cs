using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Paging;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSeats;

/// <summary>
/// Admins: the contract's snapshot of its org's users by name, each with the seat holder tied to it; with
/// <c>withoutSeat</c> only the enabled people who have no seat in the contract yet: what <i>Assign seats from CRM</i>
/// offers (SPEC S19).
/// </summary>
public sealed class ListCrmUsers(SalesBridgeDbContext db) : IUseCase
{
    public sealed record Request : PageRequest
    {
        public bool? WithoutSeat { get; init; }
    }

    public async Task<CrmUserList> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        var users = await db.CrmUserSnapshots.AsNoTracking().Where(u => u.ContractId == caller.ContractId).ToListAsync(cancellationToken);
        // The snapshot is one org's users (hundreds, at most some thousands), so emails are compared here rather than in SQL.
        var seatHolders = (await db.Seats.Where(s => s.ContractId == caller.ContractId).Select(s => new { s.User.Email, s.User.DisplayName }).ToListAsync(cancellationToken))
            .Where(s => CrmUserRules.EmailKey(s.Email) is not null)
            .DistinctBy(s => CrmUserRules.EmailKey(s.Email))
            .ToDictionary(s => CrmUserRules.EmailKey(s.Email)!, s => s.DisplayName);
        var rows = users
            .Select(u => new CrmUserSummary(u.SystemUserId, u.FullName, u.Email, u.IsEnabled,
                CrmUserRules.EmailKey(u.Email) is { } key && seatHolders.TryGetValue(key, out var holder) ? holder : null))
            .Where(u => request.WithoutSeat != true || (u.IsEnabled && u.Email is not null && u.SeatHolderName is null))
            .OrderBy(u => u.FullName, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.SystemUserId)
            .ToList();
        var overview = await GetContractOverview.ReadAsync(db, caller.ContractId, cancellationToken);
        return new CrmUserList(
            users.Count == 0 ? null : users.Max(u => u.RefreshedAt), overview.SeatsFree,
            new Page<CrmUserSummary>(rows.Skip(request.Skip).Take(request.Size).ToList(), request.PageNumber, request.Size, rows.Count));
    }
}

/// <summary>A CRM user as last read; <see cref="SeatHolderName"/> is the contract's seat holder with this email, if any.</summary>
public sealed record CrmUserSummary(Guid SystemUserId, string FullName, string? Email, bool IsEnabled, string? SeatHolderName);

/// <summary>A page of CRM users, when they were read (null: never) and how many seats are free.</summary>
public sealed record CrmUserList(DateTimeOffset? RefreshedAt, int SeatsFree, Page<CrmUserSummary> Users);
