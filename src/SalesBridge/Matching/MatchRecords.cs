namespace SalesBridge.Matching;

/// <summary>
/// A person on either side of a match: a CRM contact or lead, or a workspace person (the "lead" side). Every field
/// may be missing; a missing field never counts as disagreement.
/// </summary>
public sealed record PersonRecord(string Id)
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }
    public string? JobTitle { get; init; }
    public string? Phone { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Country { get; init; }
}

/// <summary>A company on either side of a match: a CRM account or a workspace company. Every field may be missing.</summary>
public sealed record CompanyRecord(string Id)
{
    public string? Name { get; init; }
    public string? Website { get; init; }
    public string? Phone { get; init; }
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? Country { get; init; }
}
