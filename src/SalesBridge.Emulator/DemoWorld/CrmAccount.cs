namespace SalesBridge.Emulator.DemoWorld;

/// <summary>A row of Dataverse's <c>accounts</c> table.</summary>
/// <param name="IndustryCode">An option value of Dataverse's <c>industrycode</c> choice, see <see cref="DemoWorldChoices.IndustryCodes"/>.</param>
public sealed record CrmAccount(
    Guid Id,
    string Name,
    string AccountNumber,
    string? WebsiteUrl,
    string? Telephone1,
    string City,
    string? StateOrProvince,
    string Country,
    int IndustryCode,
    int? NumberOfEmployees,
    Guid OwnerId,
    Guid? PrimaryContactId,
    DateTimeOffset CreatedOn);
