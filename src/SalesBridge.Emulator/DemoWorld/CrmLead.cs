namespace SalesBridge.Emulator.DemoWorld;

/// <summary>A row of Dataverse's <c>leads</c> table.</summary>
public sealed record CrmLead(
    Guid Id,
    string FirstName,
    string LastName,
    string CompanyName,
    string? EmailAddress1,
    string? JobTitle,
    Guid OwnerId,
    DateTimeOffset CreatedOn);
