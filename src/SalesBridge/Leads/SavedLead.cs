using SalesBridge.CrmImport;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Leads;

/// <summary>
/// A person a seat holder keeps track of: a directory person, a CRM contact the import brought in, or both once they
/// are matched. One per seat holder and person, and one per seat holder and CRM contact.
/// </summary>
public sealed class SavedLead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid OwnerId { get; init; }

    /// <summary>The directory person; null for a CRM contact matching found no person for (shown as unmatched).</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The CRM contact behind it, when the import brought it in or it was matched to one.</summary>
    public Guid? CrmContactId { get; set; }
    public CrmContactRecord? CrmContact { get; set; }

    /// <summary>Whether an open opportunity currently brings it in (S9); false once none does (S10).</summary>
    public bool ImportedFromCrm { get; set; }
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>
    /// Whether the seat holder saved it themselves. A CRM import may also save it, but what a seat holder saved
    /// by hand is never removed by a sync (SPEC S10).
    /// </summary>
    public bool SavedByHand { get; set; }
}
