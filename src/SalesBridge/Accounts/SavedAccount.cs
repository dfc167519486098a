using SalesBridge.CrmImport;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Accounts;

/// <summary>
/// A company a seat holder keeps track of: a directory company, a CRM account the import brought in, or both once
/// they are matched. One per seat holder and company, and one per seat holder and CRM account.
/// </summary>
public sealed class SavedAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid OwnerId { get; init; }

    /// <summary>The directory company; null for a CRM account matching found no company for (shown as unmatched).</summary>
    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }

    /// <summary>The CRM account behind it, when the import brought it in or it was matched to one.</summary>
    public Guid? CrmAccountId { get; set; }
    public CrmAccountRecord? CrmAccount { get; set; }

    /// <summary>Whether an open opportunity currently brings it in (S9); false once none does (S10).</summary>
    public bool ImportedFromCrm { get; set; }
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Whether the seat holder saved it themselves; such accounts are never removed by a sync (SPEC S10).</summary>
    public bool SavedByHand { get; set; }
}
