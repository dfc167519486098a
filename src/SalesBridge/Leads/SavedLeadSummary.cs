using SalesBridge.Lists;

namespace SalesBridge.Leads;

/// <summary>A saved lead with what the leads table shows of its person, and the caller's lists it is on.</summary>
public sealed record SavedLeadSummary(
    Guid Id,
    Guid PersonId,
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
    public IReadOnlyList<ListTag> Lists { get; init; } = [];

    public string FullName => $"{FirstName} {LastName}".Trim();
}
