namespace SalesBridge.PeopleDirectory;

/// <summary>A company as a search result or list row; <see cref="SavedAccountId"/> is the caller's saved account, if any.</summary>
public sealed record CompanySummary(
    Guid Id,
    string Name,
    string? Website,
    string? Industry,
    int? EmployeeCount,
    string? City,
    string? Country,
    Guid? SavedAccountId);
