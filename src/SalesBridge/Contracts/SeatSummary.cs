namespace SalesBridge.Contracts;

/// <summary>One assigned seat of the contract and who holds it.</summary>
public sealed record SeatSummary(Guid Id, Guid UserId, string DisplayName, string Email, DateTimeOffset AssignedAt);
