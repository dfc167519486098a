namespace SalesBridge.Emulator.DemoWorld;

/// <summary>A row of Dataverse's <c>contacts</c> table; <see cref="ParentAccountId"/> is <c>_parentcustomerid_value</c>.</summary>
public sealed record CrmContact(
    Guid Id,
    string FirstName,
    string LastName,
    string FullName,
    string? EmailAddress1,
    string? JobTitle,
    string? Telephone1,
    string? MobilePhone,
    string City,
    string Country,
    Guid? ParentAccountId,
    Guid OwnerId,
    DateTimeOffset CreatedOn);
