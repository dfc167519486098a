using Microsoft.AspNetCore.Identity;

namespace SalesBridge.Users;

/// <summary>
/// A person who signs in to SalesBridge. Belongs to exactly one contract; may administer it
/// (<see cref="IsContractAdmin"/>), hold one of its seats, or both.
/// </summary>
public sealed class WorkspaceUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 200;

    public Guid ContractId { get; set; }
    public required string DisplayName { get; set; }
    public bool IsContractAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
