namespace SalesBridge.Emulator.Schema;

/// <summary>An alternate key: a set of columns whose values identify one row.</summary>
public sealed record AlternateKeyDefinition(string LogicalName, IReadOnlyList<string> KeyAttributes);
