using SalesBridge.Lists;

namespace SalesBridge.Leads;

/// <summary>
/// A saved lead with what the leads table shows of its person (of its CRM contact while it has no person), the CRM
/// contact behind it, and the caller's lists it is on.
/// </summary>
public sealed record SavedLeadSummary(
    Guid Id,
    Guid? PersonId,
    string FirstName,
    string LastName,
    string? Title,
    string? CompanyName,
    Guid? CompanyId,
    string? City,
    string? Country,
    DateTimeOffset SavedAt,
    bool SavedByHand)
{
    /// <summary>The CRM contact's id in the org (for the "In CRM" link); null when no CRM contact is tied.</summary>
    public Guid? CrmContactId { get; init; }

    /// <summary>Whether an open opportunity brings it in from the CRM.</summary>
    public bool ImportedFromCrm { get; init; }

    /// <summary>Opens the CRM contact in Dynamics ("In CRM"); null without a CRM contact or while the contract is not connected.</summary>
    public string? CrmUrl { get; init; }

    /// <summary>A CRM contact matching found no workspace person for (SPEC S11: shown so a seat holder can fix it).</summary>
    public bool Unmatched => PersonId is null;

    public IReadOnlyList<ListTag> Lists { get; init; } = [];

    public string FullName => $"{FirstName} {LastName}".Trim();
}
