using SalesBridge.Errors;

namespace SalesBridge.CrmSettings;

/// <summary>The settings an update asks for, checked against what the org has now.</summary>
internal sealed record WantedCrmSettings(
    bool AutoSyncAllSeats, string? StageColumn, int? StageValue, string? StageLabel, string? WonValueColumn,
    bool WriteBackEnabled, bool AllItems, bool InMails, bool Messages, bool Notes, WriteBackCreator Creator, int? SyncIntervalMinutes);

internal static class CrmSettingsValidation
{
    /// <exception cref="RequestValidationException">Every field the org refutes, each with its reason.</exception>
    public static WantedCrmSettings Check(UpdateCrmSettings.Request request, CrmSettingsChoices choices, SalesBridgeSolutionState solution)
    {
        var errors = new Dictionary<string, string[]>();
        var stageColumn = string.IsNullOrWhiteSpace(request.PipelineStageColumn) ? null : request.PipelineStageColumn.Trim();
        string? stageLabel = null;
        PipelineStageColumnChoice? column = null;
        if (stageColumn is null)
        {
            if (request.PipelineStageValue is not null)
            {
                errors["pipelineStageValue"] = ["pipelineStageValue needs a pipelineStageColumn; leave both out for Not Sure."];
            }
        }
        else if ((column = choices.StageColumn(stageColumn)) is null)
        {
            errors["pipelineStageColumn"] = [$"The opportunity column '{stageColumn}' is not a stage choice column in your CRM (it may have been deleted). " +
                "Pick another stage or Not Sure."];
        }
        else if (request.PipelineStageValue is not { } value)
        {
            errors["pipelineStageValue"] = [$"Pick the stage of '{column.Label}' at which an opportunity enters your pipeline."];
        }
        else if (column.Option(value) is not { } option)
        {
            errors["pipelineStageValue"] = [$"The option {value} does not exist in '{column.Label}' ({column.Column}) in your CRM (it may have been deleted). " +
                "Pick another stage or Not Sure."];
        }
        else
        {
            stageLabel = option.Label;
        }

        var wonColumn = string.IsNullOrWhiteSpace(request.WonValueColumn) ? null : request.WonValueColumn.Trim();
        if (wonColumn is not null && choices.WonValueColumn(wonColumn) is null)
        {
            errors["wonValueColumn"] = [$"The opportunity column '{wonColumn}' is not a currency column in your CRM (it may have been deleted). " +
                "Pick another column or Not Sure."];
        }

        var enabled = request.WriteBackEnabled!.Value;
        var allItems = request.WriteBackAllItems ?? true;
        bool inMails = request.WriteBackInMails ?? allItems, messages = request.WriteBackMessages ?? allItems, notes = request.WriteBackNotes ?? allItems;
        if (enabled && !solution.Installed)
        {
            errors["writeBackEnabled"] = [$"Write-back needs the SalesBridge solution in your CRM, and {string.Join(", ", solution.Missing)} " +
                $"{(solution.Missing.Count == 1 ? "is" : "are")} missing. Install the SalesBridge solution first, then enable write-back."];
        }
        else if (enabled && !allItems && !inMails && !messages && !notes)
        {
            errors["writeBackAllItems"] = ["Pick at least one item type to sync back (InMails, messages, notes), or Sync back all data items."];
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);

        return new WantedCrmSettings(request.AutoSyncAllSeats!.Value, column?.Column, column is null ? null : request.PipelineStageValue, stageLabel,
            choices.WonValueColumn(wonColumn ?? "")?.Column, enabled, allItems, inMails, messages, notes,
            request.Creator ?? WriteBackCreator.IntegrationUser, request.SyncIntervalMinutes);
    }
}
