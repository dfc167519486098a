namespace SalesBridge.PeopleDirectory;

/// <summary>Everything the workspace knows about a person, and whether the caller saved them as a lead.</summary>
public sealed record PersonDetails(
    Guid Id,
    string FirstName,
    string LastName,
    string? Headline,
    string? Title,
    string? CompanyName,
    Guid? CompanyId,
    string? City,
    string? Region,
    string? Country,
    string? Email,
    string? Phone,
    string? ProfileUrl,
    string? ExternalId,
    Guid? SavedLeadId)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}
