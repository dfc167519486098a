namespace SalesBridge.Lists;

/// <summary>A list a saved lead or saved account is on, as shown next to it.</summary>
public sealed record ListTag(Guid Id, string Name, bool IsSystemList);
