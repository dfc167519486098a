using System.ComponentModel.DataAnnotations;

namespace SalesBridge.PeopleDirectory;

/// <summary>A company as a loading system sends it; <see cref="ExternalId"/> makes loading the same row twice an update.</summary>
public sealed record CompanyRow
{
    [Required(ErrorMessage = "externalId is required."), StringLength(Company.MaxExternalIdLength)]
    public string ExternalId { get; init; } = "";

    [Required(ErrorMessage = "name is required."), StringLength(Company.MaxNameLength)]
    public string Name { get; init; } = "";

    [StringLength(Company.MaxWebsiteLength)] public string? Website { get; init; }
    [StringLength(Company.MaxIndustryLength)] public string? Industry { get; init; }
    [Range(0, 10_000_000)] public int? EmployeeCount { get; init; }
    [StringLength(Company.MaxPlaceLength)] public string? City { get; init; }
    [StringLength(Company.MaxPlaceLength)] public string? Country { get; init; }
}

/// <summary>
/// A person as a loading system sends them; <see cref="CompanyExternalId"/> ties them to a directory company loaded
/// before (or in the same load).
/// </summary>
public sealed record PersonRow
{
    [Required(ErrorMessage = "externalId is required."), StringLength(Company.MaxExternalIdLength)]
    public string ExternalId { get; init; } = "";

    [Required(ErrorMessage = "firstName is required."), StringLength(Person.MaxNameLength)]
    public string FirstName { get; init; } = "";

    [Required(ErrorMessage = "lastName is required."), StringLength(Person.MaxNameLength)]
    public string LastName { get; init; } = "";

    [StringLength(Person.MaxHeadlineLength)] public string? Headline { get; init; }
    [StringLength(Person.MaxTitleLength)] public string? Title { get; init; }
    [StringLength(Company.MaxNameLength)] public string? CompanyName { get; init; }
    [StringLength(Company.MaxExternalIdLength)] public string? CompanyExternalId { get; init; }
    [StringLength(Person.MaxPlaceLength)] public string? City { get; init; }
    [StringLength(Person.MaxPlaceLength)] public string? Region { get; init; }
    [StringLength(Person.MaxPlaceLength)] public string? Country { get; init; }
    [StringLength(Person.MaxEmailLength), EmailAddress(ErrorMessage = "email is not an email address.")] public string? Email { get; init; }
    [StringLength(Person.MaxPhoneLength)] public string? Phone { get; init; }
    [StringLength(Person.MaxProfileUrlLength), Url(ErrorMessage = "profileUrl must be an http or https URL.")] public string? ProfileUrl { get; init; }
}

/// <summary>What a load did: rows added and rows updated.</summary>
public sealed record DirectoryLoadResult(int Added, int Updated);
