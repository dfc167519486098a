using SalesBridge.PeopleDirectory;

namespace SalesBridge.Accounts;

/// <summary>A directory company a seat holder keeps track of. One per seat holder and company.</summary>
public sealed class SavedAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid OwnerId { get; init; }
    public Guid CompanyId { get; init; }
    public Company Company { get; init; } = null!;
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Whether the seat holder saved it themselves; such accounts are never removed by a sync (SPEC S10).</summary>
    public bool SavedByHand { get; set; }
}
