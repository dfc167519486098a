namespace SalesBridge.PeopleDirectory;

/// <summary>A person as a search result or list row; <see cref="SavedLeadId"/> is the caller's saved lead, if any.</summary>
public sealed record PersonSummary(
    Guid Id,
    string FirstName,
    string LastName,
    string? Title,
    string? CompanyName,
    Guid? CompanyId,
    string? City,
    string? Country,
    Guid? SavedLeadId)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}
