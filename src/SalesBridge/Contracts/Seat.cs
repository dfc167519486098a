using SalesBridge.Users;

namespace SalesBridge.Contracts;

/// <summary>A licence of the contract held by one user; holding one is what makes a user a seat holder.</summary>
public sealed class Seat
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid UserId { get; init; }
    public WorkspaceUser User { get; init; } = null!;
    public DateTimeOffset AssignedAt { get; init; }

    /// <summary>S18: an admin enabled CRM sync for this seat; it counts while auto sync of all seats is off, and is kept while it is on.</summary>
    public bool CrmSyncEnabled { get; set; }
}
