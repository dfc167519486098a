namespace SalesBridge.CrmSettings;

/// <summary>
/// The contract's CRM settings with what the org offers for each question and the solution's state. A null column
/// means <i>Not Sure</i>. <see cref="Revision"/> goes back with an update, so that a stale page cannot overwrite newer settings.
/// </summary>
/// <param name="Warnings">Saved choices the org no longer has (a column or option removed since), to be picked again.</param>
public sealed record CrmSettingsView(
    bool AutoSyncAllSeats,
    string? PipelineStageColumn, int? PipelineStageValue, string PipelineStage,
    string? WonValueColumn, string WonValue,
    bool WriteBackEnabled, bool WriteBackAllItems, bool WriteBackInMails, bool WriteBackMessages, bool WriteBackNotes,
    WriteBackCreator Creator, int SyncIntervalMinutes,
    Guid Revision, DateTimeOffset? UpdatedAt,
    CrmSettingsChoices Choices, SalesBridgeSolutionState Solution, IReadOnlyList<string> Warnings)
{
    internal static CrmSettingsView From(ContractCrmSettings s, CrmSettingsChoices choices, SalesBridgeSolutionState solution)
    {
        var warnings = new List<string>();
        if (s.PipelineStageColumn is { } stage)
        {
            var column = choices.StageColumn(stage);
            if (column is null) warnings.Add($"The pipeline stage column '{stage}' no longer exists in your CRM. Pick the stage again.");
            else if (s.PipelineStageValue is { } value && column.Option(value) is null)
            {
                warnings.Add($"The option {value} ({s.PipelineStageLabel}) no longer exists in '{column.Label}'. Pick the stage again.");
            }
        }
        if (s.WonValueColumn is { } won && choices.WonValueColumn(won) is null)
        {
            warnings.Add($"The currency column '{won}' no longer exists in your CRM. Pick where the won value is stored again.");
        }
        if (s.WriteBackEnabled && !solution.Installed)
        {
            warnings.Add("Write-back is on, but the SalesBridge solution is missing from your CRM: nothing can be written back until it is installed.");
        }
        return new CrmSettingsView(s.AutoSyncAllSeats, s.PipelineStageColumn, s.PipelineStageValue, CrmSettingsWording.Stage(s, choices),
            s.WonValueColumn, CrmSettingsWording.WonValue(s.WonValueColumn, choices),
            s.WriteBackEnabled, s.WriteBackAllItems, s.WriteBackInMails, s.WriteBackMessages, s.WriteBackNotes, s.Creator, s.SyncIntervalMinutes,
            s.Revision, s.UpdatedAt, choices, solution, warnings);
    }
}
