namespace SalesBridge.PeopleDirectory;

/// <summary>
/// One cheap key a directory person or company shares with the CRM records that may be it (<see cref="DirectoryMatchKeys"/>):
/// a run matching a few changed CRM records asks for the rows sharing a key instead of reading the whole directory.
/// </summary>
public sealed class DirectoryMatchKey
{
    public const int MaxKeyLength = 80;

    public Guid ContractId { get; init; }

    /// <summary>The key, its first letter naming its kind (<see cref="DirectoryMatchKeys"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The person's or company's id (the key's kind says which).</summary>
    public Guid RecordId { get; init; }
}
