using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// The choice values the demo world's rows use. They come from the org's schema, which is what the
/// emulator's metadata describes, so generated rows can only hold options the org knows.
/// </summary>
public static class DemoWorldChoices
{
    public const string PipelinePhaseColumn = StandardSchema.CustomPipelinePhase;
    public const string ContractValueColumn = StandardSchema.CustomContractValue;

    /// <summary>Custom option values start at the publisher's prefix value, not at 0 or 1.</summary>
    public static IReadOnlyList<OptionDefinition> PipelinePhases => StandardSchema.PipelinePhases.Options;

    /// <summary>The <c>salesstage</c> choice; <c>stepname</c> repeats it as "1-Qualify" and so on.</summary>
    public static IReadOnlyList<OptionDefinition> SalesStages => StandardSchema.SalesStages.Options;

    public static IReadOnlyList<string> StepNames { get; } = ["1-Qualify", "2-Develop", "3-Propose", "4-Close"];

    /// <summary>Dataverse's out-of-the-box <c>account.industrycode</c> options.</summary>
    public static IReadOnlyList<OptionDefinition> IndustryCodes => StandardSchema.IndustryCodes.Options;
}
