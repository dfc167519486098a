using SalesBridge.Dataverse;

namespace SalesBridge.CrmSettings;

/// <summary>What the settings page offers, read from the org's metadata at the time of asking (SPEC S7, S8).</summary>
/// <param name="PipelineStageColumns">The stage-like choice columns of <c>opportunity</c>, each with its options. <i>Not Sure</i> (null) is always allowed too.</param>
/// <param name="WonValueColumns">The currency columns of <c>opportunity</c>. <i>Not Sure</i> (null) is always allowed too.</param>
public sealed record CrmSettingsChoices(IReadOnlyList<PipelineStageColumnChoice> PipelineStageColumns, IReadOnlyList<WonValueColumnChoice> WonValueColumns)
{
    /// <summary>How the page and the audit name the choice that leaves a question open.</summary>
    public const string NotSure = "Not Sure";

    public PipelineStageColumnChoice? StageColumn(string column) =>
        PipelineStageColumns.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase));

    public WonValueColumnChoice? WonValueColumn(string column) =>
        WonValueColumns.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A choice column of <c>opportunity</c> that models a stage, with its options (value and label in the user's language).</summary>
public sealed record PipelineStageColumnChoice(string Column, string Label, bool IsCustom, IReadOnlyList<ChoiceOption> Options)
{
    public ChoiceOption? Option(int value) => Options.FirstOrDefault(o => o.Value == value);
}

/// <summary>A currency column of <c>opportunity</c>.</summary>
public sealed record WonValueColumnChoice(string Column, string Label, bool IsCustom);
