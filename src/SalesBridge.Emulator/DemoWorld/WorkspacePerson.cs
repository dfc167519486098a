namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// A person as the prospecting workspace knows them. <see cref="CrmContactId"/> and <see cref="CrmLeadId"/> are
/// ground truth for matching (both may be set when the CRM holds the person twice, both null when not at all).
/// </summary>
public sealed record WorkspacePerson(
    Guid Id,
    string FirstName,
    string LastName,
    string? Title,
    string? CompanyName,
    Guid? WorkspaceCompanyId,
    string? Email,
    string? Phone,
    string City,
    string Country,
    Guid? CrmContactId,
    Guid? CrmLeadId,
    DemoVariation Variations);

/// <summary>How a workspace record was made to differ from its CRM truth, so matcher tests can slice by cause.</summary>
[Flags]
public enum DemoVariation
{
    None = 0,

    // People
    Nickname = 1 << 0,
    TitleChanged = 1 << 1,
    EmailMissing = 1 << 2,
    PersonalEmail = 1 << 3,
    MovedCompany = 1 << 4,

    // Both
    AccentOrCaseChanged = 1 << 5,
    Typo = 1 << 6,

    // Companies (and the company name a person carries)
    LegalSuffixChanged = 1 << 7,
    ThePrefixChanged = 1 << 8,
    WebsiteFormatChanged = 1 << 9,
    WebsiteMissing = 1 << 10,
}
