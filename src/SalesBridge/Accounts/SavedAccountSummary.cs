using SalesBridge.Lists;

namespace SalesBridge.Accounts;

/// <summary>A saved account with what the accounts table shows of its company, and the caller's lists it is on.</summary>
public sealed record SavedAccountSummary(
    Guid Id,
    Guid CompanyId,
    string Name,
    string? Website,
    string? Industry,
    int? EmployeeCount,
    string? City,
    string? Country,
    DateTimeOffset SavedAt,
    bool SavedByHand)
{
    public IReadOnlyList<ListTag> Lists { get; init; } = [];
}
