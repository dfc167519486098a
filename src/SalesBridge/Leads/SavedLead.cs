using SalesBridge.PeopleDirectory;

namespace SalesBridge.Leads;

/// <summary>A directory person a seat holder keeps track of. One per seat holder and person.</summary>
public sealed class SavedLead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid OwnerId { get; init; }
    public Guid PersonId { get; init; }
    public Person Person { get; init; } = null!;
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>
    /// Whether the seat holder saved it themselves. A CRM import may also save it, but what a seat holder saved
    /// by hand is never removed by a sync (SPEC S10).
    /// </summary>
    public bool SavedByHand { get; set; }
}
