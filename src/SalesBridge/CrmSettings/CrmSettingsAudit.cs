using SalesBridge.Access;
using SalesBridge.Text;

namespace SalesBridge.CrmSettings;

/// <summary>Applies wanted settings to the row and returns one audit row per setting whose value changed (old → new, in words).</summary>
internal static class CrmSettingsAudit
{
    public static List<CrmSettingsChange> Apply(ContractCrmSettings s, WantedCrmSettings wanted, CrmSettingsChoices choices, Caller caller, DateTimeOffset now)
    {
        var changes = new List<CrmSettingsChange>();
        void Record(string setting, string oldValue, string newValue)
        {
            if (oldValue == newValue) return;
            changes.Add(Change(caller, now, setting, oldValue, newValue));
        }

        var before = (AutoSync: CrmSettingsWording.YesNo(s.AutoSyncAllSeats), Stage: CrmSettingsWording.Stage(s, choices),
            Won: CrmSettingsWording.WonValue(s.WonValueColumn, choices), WriteBack: CrmSettingsWording.YesNo(s.WriteBackEnabled),
            Items: CrmSettingsWording.Items(s), Creator: CrmSettingsWording.Creator(s.Creator), Interval: CrmSettingsWording.Interval(s.SyncIntervalMinutes));
        var stageChanged = s.PipelineStageColumn != wanted.StageColumn || s.PipelineStageValue != wanted.StageValue;

        s.AutoSyncAllSeats = wanted.AutoSyncAllSeats;
        s.PipelineStageColumn = wanted.StageColumn;
        s.PipelineStageValue = wanted.StageValue;
        s.PipelineStageLabel = wanted.StageLabel is { } label ? ColumnFit.Shortened(label, ContractCrmSettings.MaxLabelLength) : null;
        s.WonValueColumn = wanted.WonValueColumn;
        s.WriteBackEnabled = wanted.WriteBackEnabled;
        s.WriteBackAllItems = wanted.AllItems;
        s.WriteBackInMails = wanted.InMails;
        s.WriteBackMessages = wanted.Messages;
        s.WriteBackNotes = wanted.Notes;
        s.Creator = wanted.Creator;
        s.SyncIntervalMinutes = wanted.SyncIntervalMinutes ?? s.SyncIntervalMinutes;

        Record(CrmSettingsWording.AutoSyncSetting, before.AutoSync, CrmSettingsWording.YesNo(s.AutoSyncAllSeats));
        if (stageChanged) changes.Add(Change(caller, now, CrmSettingsWording.PipelineStageSetting, before.Stage, CrmSettingsWording.Stage(s, choices)));
        Record(CrmSettingsWording.WonValueSetting, before.Won, CrmSettingsWording.WonValue(s.WonValueColumn, choices));
        Record(CrmSettingsWording.WriteBackSetting, before.WriteBack, CrmSettingsWording.YesNo(s.WriteBackEnabled));
        Record(CrmSettingsWording.WriteBackItemsSetting, before.Items, CrmSettingsWording.Items(s));
        Record(CrmSettingsWording.CreatorSetting, before.Creator, CrmSettingsWording.Creator(s.Creator));
        Record(CrmSettingsWording.SyncIntervalSetting, before.Interval, CrmSettingsWording.Interval(s.SyncIntervalMinutes));
        return changes;
    }

    public static CrmSettingsChange Change(Caller caller, DateTimeOffset now, string setting, string? oldValue, string? newValue) => new()
    {
        ContractId = caller.ContractId, ChangedAt = now, ChangedById = caller.UserId, ChangedByName = ColumnFit.Shortened(caller.DisplayName, 200),
        Setting = setting,
        OldValue = oldValue is null ? null : ColumnFit.Shortened(oldValue, CrmSettingsChange.MaxValueLength),
        NewValue = newValue is null ? null : ColumnFit.Shortened(newValue, CrmSettingsChange.MaxValueLength),
    };
}
