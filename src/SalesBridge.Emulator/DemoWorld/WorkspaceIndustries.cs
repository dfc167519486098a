namespace SalesBridge.Emulator.DemoWorld;

/// <summary>
/// Prospecting tools label industries in their own taxonomy, not Dataverse's option set; the mapping is
/// deliberately lossy (several codes share a label) because the real one is too.
/// </summary>
internal static class WorkspaceIndustries
{
    private static readonly string[] ByIndustryCode =
    [
        "", "Accounting", "Farming", "Media Production", "Financial Services", "Retail", "Business Consulting and Services",
        "Business Consulting and Services", "Consumer Services", "Design Services", "Wholesale", "Hospitals and Health Care",
        "Industrial Machinery Manufacturing", "Restaurants", "Retail", "Equipment Rental Services", "Financial Services",
        "Food and Beverage Manufacturing", "Manufacturing", "Repair and Maintenance", "Insurance", "Law Practice", "Retail",
        "Consumer Services", "Oil and Gas", "Retail", "Non-profit Organizations", "Individual and Family Services",
        "Construction", "Real Estate", "Transportation, Logistics, Supply Chain and Storage", "Utilities",
        "Motor Vehicle Manufacturing", "Wholesale",
    ];

    private static readonly string[] Labels = ByIndustryCode.Skip(1).Distinct().ToArray();

    public static string ForIndustryCode(int code) => ByIndustryCode[code];

    public static string Pick(DemoRandom random) => random.Pick(Labels);
}
