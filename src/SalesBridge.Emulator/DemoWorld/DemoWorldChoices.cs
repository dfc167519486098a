namespace SalesBridge.Emulator.DemoWorld;

/// <summary>One option of a Dataverse choice column.</summary>
public sealed record DemoChoiceOption(int Value, string Label);

/// <summary>
/// The option sets the demo world's rows use, so the emulator's metadata can describe them. The custom columns
/// carry the <c>new_</c> prefix of the default publisher, as most customers' own columns do.
/// </summary>
public static class DemoWorldChoices
{
    public const string PipelinePhaseColumn = "new_pipelinephase";
    public const string ContractValueColumn = "new_contractvalue";

    /// <summary>Custom option values start at the publisher's prefix value, not at 0 or 1.</summary>
    public static IReadOnlyList<DemoChoiceOption> PipelinePhases { get; } =
    [
        new(100_000_000, "Prospecting"),
        new(100_000_001, "Discovery"),
        new(100_000_002, "Solution Design"),
        new(100_000_003, "Proposal"),
        new(100_000_004, "Negotiation"),
    ];

    /// <summary>The <c>salesstage</c> choice; <c>stepname</c> repeats it as "1-Qualify" and so on.</summary>
    public static IReadOnlyList<DemoChoiceOption> SalesStages { get; } =
        [new(0, "Qualify"), new(1, "Develop"), new(2, "Propose"), new(3, "Close")];

    public static IReadOnlyList<string> StepNames { get; } = ["1-Qualify", "2-Develop", "3-Propose", "4-Close"];

    /// <summary>Dataverse's out-of-the-box <c>account.industrycode</c> options.</summary>
    public static IReadOnlyList<DemoChoiceOption> IndustryCodes { get; } =
    [
        new(1, "Accounting"), new(2, "Agriculture and Non-petrol Natural Resource Extraction"),
        new(3, "Broadcasting Printing and Publishing"), new(4, "Brokers"), new(5, "Building Supply Retail"),
        new(6, "Business Services"), new(7, "Consulting"), new(8, "Consumer Services"),
        new(9, "Design, Direction and Creative Management"), new(10, "Distributors, Dispatchers and Processors"),
        new(11, "Doctor's Offices and Clinics"), new(12, "Durable Manufacturing"), new(13, "Eating and Drinking Places"),
        new(14, "Entertainment Retail"), new(15, "Equipment Rental and Leasing"), new(16, "Financial"),
        new(17, "Food and Tobacco Processing"), new(18, "Inbound Capital Intensive Processing"),
        new(19, "Inbound Repair and Services"), new(20, "Insurance"), new(21, "Legal Services"),
        new(22, "Non-Durable Merchandise Retail"), new(23, "Outbound Consumer Service"),
        new(24, "Petrochemical Extraction and Distribution"), new(25, "Service Retail"), new(26, "SIG Affiliations"),
        new(27, "Social Services"), new(28, "Special Outbound Trade Contractors"), new(29, "Specialty Realty"),
        new(30, "Transportation"), new(31, "Utility Creation and Distribution"), new(32, "Vehicle Retail"),
        new(33, "Wholesale"),
    ];
}
