namespace SalesBridge.Emulator.Schema;

/// <summary>One option of a choice column. <paramref name="State"/> links a status reason to its state.</summary>
public sealed record OptionDefinition(int Value, string Label, int? State = null);
