namespace SalesBridge.CrmSettings;

/// <summary>How settings read to a person: on the page and in the audit ("Sales Stage: Propose", "Not Sure", "InMails, notes").</summary>
public static class CrmSettingsWording
{
    public const string AutoSyncSetting = "Auto sync all seat holders";
    public const string PipelineStageSetting = "Pipeline stage";
    public const string WonValueSetting = "Won-opportunity value";
    public const string WriteBackSetting = "Write-back";
    public const string WriteBackItemsSetting = "Write-back items";
    public const string CreatorSetting = "Creator of written-back items";
    public const string SolutionSetting = "SalesBridge solution";
    public const string SyncIntervalSetting = "Sync interval";

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string Interval(int minutes) => minutes == 1 ? "Every minute" : $"Every {minutes} minutes";

    public static string Stage(ContractCrmSettings s, CrmSettingsChoices choices) =>
        s.PipelineStageColumn is not { } column
            ? CrmSettingsChoices.NotSure
            : $"{choices.StageColumn(column)?.Label ?? column}: {s.PipelineStageLabel ?? s.PipelineStageValue?.ToString() ?? "?"}";

    public static string WonValue(string? column, CrmSettingsChoices choices) =>
        column is null ? CrmSettingsChoices.NotSure : choices.WonValueColumn(column) is { } c ? $"{c.Label} ({c.Column})" : column;

    public static string Items(ContractCrmSettings s)
    {
        if (s.WriteBackAllItems) return "All data items";
        var kinds = new[] { (s.WriteBackInMails, "InMails"), (s.WriteBackMessages, "messages"), (s.WriteBackNotes, "notes") }
            .Where(k => k.Item1).Select(k => k.Item2).ToArray();
        return kinds.Length == 0 ? "None" : string.Join(", ", kinds);
    }

    public static string Creator(WriteBackCreator creator) => creator switch
    {
        WriteBackCreator.SeatHolder => "Seat holder (through impersonation)",
        _ => "Integration user",
    };
}
