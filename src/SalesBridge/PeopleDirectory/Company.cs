namespace SalesBridge.PeopleDirectory;

/// <summary>A company in the contract's workspace directory: what seat holders search and save as accounts.</summary>
public sealed class Company
{
    public const int MaxNameLength = 200;
    public const int MaxWebsiteLength = 300;
    public const int MaxIndustryLength = 100;
    public const int MaxPlaceLength = 100;
    public const int MaxExternalIdLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The id the loading system gave the row; importing the same file twice updates instead of duplicating.</summary>
    public string? ExternalId { get; set; }

    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }

    /// <summary>Folded, lower-case text of the searchable fields; see <see cref="DirectorySearchText"/>.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The <see cref="DirectoryMatchKeys.Version"/> of the company's stored match keys; 0: none stored yet.</summary>
    public int MatchKeysVersion { get; set; }

    public void RefreshSearchText() => SearchText = DirectorySearchText.Of(Name, Website, Industry, City, Country);
}
