namespace SalesBridge.PeopleDirectory;

/// <summary>Everything the workspace knows about a company, and whether the caller saved it as an account.</summary>
public sealed record CompanyDetails(
    Guid Id,
    string Name,
    string? Website,
    string? Industry,
    int? EmployeeCount,
    string? City,
    string? Country,
    string? ExternalId,
    int PeopleCount,
    Guid? SavedAccountId);
