namespace SalesBridge.Lists;

/// <summary>
/// A seat holder's named list of saved leads or of saved accounts. System lists (<see cref="SystemKey"/> set,
/// e.g. "My CRM Leads") are filled by the CRM sync and cannot be renamed or deleted by their owner.
/// </summary>
public sealed class SavedList
{
    public const int MaxNameLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid OwnerId { get; init; }
    public required string Name { get; set; }
    public SavedListKind Kind { get; init; }
    public string? SystemKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<SavedListEntry> Entries { get; init; } = [];

    public bool IsSystemList => SystemKey is not null;
}
