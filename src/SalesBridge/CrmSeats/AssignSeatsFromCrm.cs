using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Contracts;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.Text;
using SalesBridge.UseCases;
using SalesBridge.Users;

namespace SalesBridge.CrmSeats;

/// <summary>
/// Admins: <i>Assign seats from CRM</i> (SPEC S19). Each picked CRM user gets a seat: the contract's user with that
/// email, or a new user made from the CRM user (email, full name). Within the seat count or not at all: when the picks
/// need more seats than are free, nothing is assigned and the refusal says how many are free and how many were picked.
/// A pick that cannot get a seat for a reason of its own (disabled in the CRM, no email, the email belongs to a user of
/// another contract) is refused by itself, with the reason, and the others are assigned. Safe to repeat.
/// </summary>
/// <remarks>
/// A new user gets no password: they cannot sign in until an admin sets one (password reset by email is not part of
/// SalesBridge yet). No password rather than a random one, because a random password nobody knows is still a
/// password that can be guessed or leak, while Identity refuses every password sign-in for a user without one.
/// </remarks>
public sealed class AssignSeatsFromCrm(SalesBridgeDbContext db, UserManager<WorkspaceUser> users, TimeProvider time) : IUseCase
{
    public const int MaxPicks = 500;

    public sealed record Request
    {
        [Required(ErrorMessage = "systemUserIds is required."),
         MinLength(1, ErrorMessage = "systemUserIds must name at least one CRM user."),
         MaxLength(MaxPicks, ErrorMessage = "systemUserIds must name at most 500 CRM users.")]
        public IReadOnlyList<Guid>? SystemUserIds { get; init; }
    }

    public const string DisabledReason = "This CRM user is disabled (or is not a person who signs in), so no seat is tied to them.";
    public const string NoEmailReason = "This CRM user has no email in the CRM, so no seat can be tied to them.";
    public const string OtherContractReason = "A SalesBridge user with this email belongs to another contract; a user belongs to one contract only.";

    /// <exception cref="NotFoundException">A picked id is not among the contract's CRM users (as last read).</exception>
    /// <exception cref="ConflictException">The picks need more seats than are free; nothing was assigned.</exception>
    public async Task<CrmSeatAssignment> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        if (request.SystemUserIds!.Contains(Guid.Empty))
        {
            throw new RequestValidationException("systemUserIds", "systemUserIds must not contain an empty id.");
        }
        caller.RequireContractAdmin();
        var ids = request.SystemUserIds!.Distinct().ToList();
        var picked = await db.CrmUserSnapshots.AsNoTracking().Where(u => u.ContractId == caller.ContractId && ids.Contains(u.SystemUserId))
            .ToDictionaryAsync(u => u.SystemUserId, cancellationToken);
        if (ids.FirstOrDefault(id => !picked.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            throw new NotFoundException("CRM user", missing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The same lock AssignSeat takes: counts read here hold until the seats are saved.
        await db.LockContractAsync(caller.ContractId, cancellationToken);

        var refused = new List<RefusedCrmUser>();
        var alreadySeated = new List<SeatSummary>();
        var toSeat = new List<(CrmUserSnapshot Crm, WorkspaceUser? User)>();
        foreach (var crm in ids.Select(id => picked[id]))
        {
            if (!crm.IsEnabled) { refused.Add(new(crm.SystemUserId, crm.FullName, DisabledReason)); continue; }
            if (crm.Email is null) { refused.Add(new(crm.SystemUserId, crm.FullName, NoEmailReason)); continue; }
            var user = await users.FindByEmailAsync(crm.Email);
            if (user is not null && user.ContractId != caller.ContractId) { refused.Add(new(crm.SystemUserId, crm.FullName, OtherContractReason)); continue; }
            var seat = user is null ? null : await db.Seats.SingleOrDefaultAsync(s => s.UserId == user.Id, cancellationToken);
            if (seat is not null) { alreadySeated.Add(Summary(seat, user!)); continue; }
            if (toSeat.Any(t => t.User is not null && t.User.Id == user?.Id || CrmUserRules.EmailKey(t.Crm.Email) == CrmUserRules.EmailKey(crm.Email))) continue;
            toSeat.Add((crm, user));
        }

        var free = (await GetContractOverview.ReadAsync(db, caller.ContractId, cancellationToken)).SeatsFree;
        if (toSeat.Count > free)
        {
            throw new ConflictException(TooManyMessage(free, toSeat.Count));
        }

        var now = time.GetUtcNow();
        var assigned = new List<SeatSummary>();
        foreach (var (crm, existing) in toSeat)
        {
            var user = existing ?? await CreateUserAsync(caller.ContractId, crm, now);
            await AssignSeat.RequireFreeSeatAsync(db, caller.ContractId, cancellationToken);
            var seat = new Seat { ContractId = caller.ContractId, UserId = user.Id, AssignedAt = now };
            db.Seats.Add(seat);
            await db.SaveChangesAsync(cancellationToken);
            assigned.Add(Summary(seat, user));
        }

        await transaction.CommitAsync(cancellationToken);
        return new CrmSeatAssignment(assigned, alreadySeated, refused, free - assigned.Count);
    }

    /// <summary>The refusal when the picks need more seats than are free.</summary>
    public static string TooManyMessage(int free, int picked) =>
        $"Only {free} {(free == 1 ? "seat is" : "seats are")} free, but you picked {picked} CRM {(picked == 1 ? "user" : "users")} who need a seat. " +
        $"Nothing was assigned: pick at most {free}, or raise the seat count in Admin Settings.";

    private async Task<WorkspaceUser> CreateUserAsync(Guid contractId, CrmUserSnapshot crm, DateTimeOffset now)
    {
        var name = ColumnFit.Cut(crm.FullName, WorkspaceUser.MaxDisplayNameLength);
        var user = new WorkspaceUser
        {
            Id = Guid.CreateVersion7(), ContractId = contractId, DisplayName = name, UserName = crm.Email, Email = crm.Email,
            EmailConfirmed = true, CreatedAt = now,
        };
        // No password (see the remarks): the user exists, holds the seat, and signs in once an admin sets a password.
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new ConflictException($"{crm.FullName} could not be added: {string.Join(" ", created.Errors.Select(e => e.Description))} Nothing was assigned.");
        }
        return user;
    }

    private static SeatSummary Summary(Seat seat, WorkspaceUser user) => new(seat.Id, user.Id, user.DisplayName, user.Email ?? "", seat.AssignedAt);
}

/// <summary>A picked CRM user that got no seat, and why.</summary>
public sealed record RefusedCrmUser(Guid SystemUserId, string FullName, string Reason);

/// <summary>What <i>Assign seats from CRM</i> did: seats given, picks that already held one, picks refused, seats still free.</summary>
public sealed record CrmSeatAssignment(
    IReadOnlyList<SeatSummary> Assigned,
    IReadOnlyList<SeatSummary> AlreadySeated,
    IReadOnlyList<RefusedCrmUser> Refused,
    int SeatsFree);
