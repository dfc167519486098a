namespace SalesBridge.Lists;

/// <summary>A saved lead or saved account on one of the caller's lists; <see cref="SavedItemId"/> is the saved item's id.</summary>
public sealed record ListEntry(Guid ListId, Guid SavedItemId, DateTimeOffset AddedAt);
