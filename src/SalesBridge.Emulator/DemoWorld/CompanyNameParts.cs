namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Words demo company names are built from: "Keller Logistics", "Blue Harbor Foods", "Velora".</summary>
internal static class CompanyNameParts
{
    public static readonly string[] Descriptors =
    [
        "Northwind", "Blue Harbor", "Summit", "Pioneer", "Evergreen", "Silver Lake", "Red Rock", "Granite", "Atlas",
        "Horizon", "Crescent", "Maple", "Cedar", "Ironwood", "Brightline", "Clearwater", "Golden Gate", "Riverside",
        "Lakeshore", "Highland", "Bluebird", "Copperfield", "Oakridge", "Stonebridge", "Westbrook", "Eastgate",
        "Northstar", "Southpoint", "Greenfield", "Bluewater", "Falcon", "Harbor", "Keystone", "Lighthouse", "Meridian",
        "Pinnacle", "Redwood", "Sapphire", "Sterling", "Trinity", "Vanguard", "Windmill", "Alpine", "Beacon",
        "Cobalt", "Driftwood", "Emerald", "Fairway", "Glacier", "Ivy", "Juniper", "Kestrel", "Lodestar", "Mosaic",
        "Nimbus", "Orchard", "Polaris", "Quarry", "Rainier", "Sequoia", "Tidewater", "Upland", "Willow", "Zephyr",
    ];

    public static readonly string[] Nouns =
    [
        "Solutions", "Systems", "Group", "Partners", "Holdings", "Industries", "Technologies", "Logistics", "Analytics",
        "Consulting", "Foods", "Energy", "Health", "Capital", "Manufacturing", "Labs", "Networks", "Software", "Retail",
        "Insurance", "Media", "Robotics", "Pharma", "Construction", "Motors", "Freight", "Design", "Studios",
        "Advisors", "Engineering", "Security", "Biotech", "Logic", "Data", "Supply", "Components", "Interiors",
        "Outfitters", "Brewing", "Aerospace", "Marine", "Telecom", "Properties", "Dynamics", "Works",
    ];

    private static readonly string[] BrandStarts =
    [
        "Vel", "Zen", "Aero", "Nova", "Quant", "Lum", "Cor", "Tri", "Omni", "Syn", "Vert", "Kine", "Alt", "Bri", "Cal",
        "Dyn", "Fin", "Gen", "Hel", "Intra", "Jun", "Kor", "Lexi", "Mer", "Nex", "Opti", "Pax", "Rho", "Sol", "Tera",
    ];

    private static readonly string[] BrandEnds =
        ["ora", "ix", "ify", "ex", "ara", "tek", "via", "on", "ica", "ent", "ium", "o", "io", "us", "ly", "sys"];

    public static string Brand(DemoRandom random) => random.Pick(BrandStarts) + random.Pick(BrandEnds);
}
