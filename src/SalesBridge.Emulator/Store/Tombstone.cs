namespace SalesBridge.Emulator.Store;

/// <summary>A deleted row, remembered with the version at which it went, for change tracking.</summary>
public sealed record Tombstone(string Table, Guid Id, long Version, DateTimeOffset DeletedOn);
