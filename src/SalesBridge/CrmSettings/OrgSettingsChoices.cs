using SalesBridge.Dataverse;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Reads the choices of the pipeline-stage and won-value questions from the org's metadata, never from a fixed list.
/// </summary>
/// <remarks>
/// Microsoft documents no marker for "this column is a sales stage", so SalesBridge decides by a rule:
/// a choice (Picklist) column of <c>opportunity</c> is offered when it is custom (orgs model their own pipeline
/// with custom choices, under any name) or when its logical or display name says stage, phase, step or pipeline
/// (the standard <c>salesstage</c> "Sales Stage" and <c>salesstagecode</c> "Process Code"-like columns).
/// <c>stepname</c> (the business process flow's stage name) is a text column, so it has no options to pick from and is
/// not offered; <c>statecode</c>/<c>statuscode</c> say open/won/lost, not how far a deal is, and are left out too.
/// Currency columns are every Money column of <c>opportunity</c> except the <c>_base</c> companions Dataverse adds
/// (the same value in the base currency: <c>IsBaseCurrency</c> true, or <c>AttributeOf</c> naming the source column).
/// </remarks>
public static class OrgSettingsChoices
{
    public const string OpportunityTable = "opportunity";

    private static readonly string[] StageWords = ["stage", "phase", "step", "pipeline"];

    public static async Task<CrmSettingsChoices> ReadAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var choices = await client.GetChoiceColumnsAsync(OpportunityTable, ChoiceKind.Picklist, cancellationToken).ConfigureAwait(false);
        var money = await client.GetMoneyColumnsAsync(OpportunityTable, cancellationToken).ConfigureAwait(false);
        var stages = choices
            .Where(c => c.Options.Count > 0 && (c.IsCustomAttribute || LooksLikeStage(c.LogicalName) || LooksLikeStage(c.DisplayName)))
            .Select(c => new PipelineStageColumnChoice(c.LogicalName, c.DisplayName ?? c.LogicalName, c.IsCustomAttribute,
                c.Options.OrderBy(o => o.Value).ToArray()))
            .OrderBy(c => c.IsCustom).ThenBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToArray();
        var values = money
            .Where(m => !m.IsBaseCurrency && m.AttributeOf is null && !m.LogicalName.EndsWith("_base", StringComparison.OrdinalIgnoreCase))
            .Select(m => new WonValueColumnChoice(m.LogicalName, m.DisplayName ?? m.LogicalName, m.IsCustomAttribute))
            .OrderBy(c => c.IsCustom).ThenBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToArray();
        return new CrmSettingsChoices(stages, values);
    }

    private static bool LooksLikeStage(string? name) =>
        name is not null && StageWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
