using SalesBridge.Lists;

namespace SalesBridge.Accounts;

/// <summary>
/// A saved account with what the accounts table shows of its company (of its CRM account while it has no company),
/// the CRM account behind it, and the caller's lists it is on.
/// </summary>
public sealed record SavedAccountSummary(
    Guid Id,
    Guid? CompanyId,
    string Name,
    string? Website,
    string? Industry,
    int? EmployeeCount,
    string? City,
    string? Country,
    DateTimeOffset SavedAt,
    bool SavedByHand)
{
    /// <summary>The CRM account's id in the org (for the "In CRM" link); null when no CRM account is tied.</summary>
    public Guid? CrmAccountId { get; init; }

    /// <summary>Whether an open opportunity brings it in from the CRM.</summary>
    public bool ImportedFromCrm { get; init; }

    /// <summary>Opens the CRM account in Dynamics ("In CRM"); null without a CRM account or while the contract is not connected.</summary>
    public string? CrmUrl { get; init; }

    /// <summary>A CRM account matching found no workspace company for.</summary>
    public bool Unmatched => CompanyId is null;

    public IReadOnlyList<ListTag> Lists { get; init; } = [];
}
