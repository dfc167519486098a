namespace SalesBridge.PeopleDirectory;

/// <summary>A person in the contract's workspace directory: what seat holders search, save as leads and write to.</summary>
public sealed class Person
{
    public const int MaxNameLength = 100;
    public const int MaxHeadlineLength = 300;
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 50;
    public const int MaxProfileUrlLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The id the loading system gave the row; importing the same file twice updates instead of duplicating.</summary>
    public string? ExternalId { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Headline { get; set; }
    public string? Title { get; set; }

    /// <summary>The company as the person states it; <see cref="CompanyId"/> when it is a directory company.</summary>
    public string? CompanyName { get; set; }
    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }

    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ProfileUrl { get; set; }

    /// <summary>Folded, lower-case text of the searchable fields; see <see cref="DirectorySearchText"/>.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The <see cref="DirectoryMatchKeys.Version"/> of the person's stored match keys; 0: none stored yet.</summary>
    public int MatchKeysVersion { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    public void RefreshSearchText() =>
        SearchText = DirectorySearchText.Of(FirstName, LastName, Headline, Title, CompanyName, City, Region, Country, Email);
}
