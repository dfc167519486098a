namespace SalesBridge.Lists;

/// <summary>
/// A saved lead or saved account on a list: exactly one of the two ids is set, the one the list's kind says.
/// Removing the saved item removes its entries.
/// </summary>
public sealed class SavedListEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ListId { get; init; }
    public Guid? SavedLeadId { get; init; }
    public Guid? SavedAccountId { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}
