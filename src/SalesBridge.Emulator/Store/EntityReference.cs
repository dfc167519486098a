namespace SalesBridge.Emulator.Store;

/// <summary>The value of a lookup column: which table and which row it points at.</summary>
public sealed record EntityReference(string Table, Guid Id);
