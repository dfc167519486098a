namespace SalesBridge.CrmSettings;

/// <summary>One changed setting: who changed it, when, and from what to what (issue 7: every change is recorded).</summary>
public sealed class CrmSettingsChange
{
    public const int MaxValueLength = 400;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public Guid ChangedById { get; init; }
    public required string ChangedByName { get; init; }

    /// <summary>The setting's name as the settings page shows it, e.g. "Pipeline stage".</summary>
    public required string Setting { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
}
