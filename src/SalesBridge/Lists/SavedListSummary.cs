namespace SalesBridge.Lists;

/// <summary>A seat holder's list as the list pages and the API show it.</summary>
public sealed record SavedListSummary(
    Guid Id,
    string Name,
    SavedListKind Kind,
    bool IsSystemList,
    int EntryCount,
    DateTimeOffset CreatedAt);
