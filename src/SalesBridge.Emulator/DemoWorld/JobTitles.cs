namespace SalesBridge.Emulator.DemoWorld;

/// <summary>Job titles by function; a changed title stays in the same function, as a promotion or re-org would.</summary>
internal static class JobTitles
{
    private static readonly string[][] Functions =
    [
        ["Chief Executive Officer", "Managing Director", "Founder", "Co-Founder & CEO", "President", "General Manager"],
        ["Chief Financial Officer", "Finance Director", "Controller", "Head of Finance", "Procurement Manager", "Senior Buyer"],
        ["Chief Technology Officer", "CIO", "IT Director", "Head of IT", "IT Manager", "Solutions Architect", "Software Engineer"],
        ["VP Sales", "Sales Director", "Head of Sales", "Sales Manager", "Account Manager", "Business Development Manager"],
        ["CMO", "Marketing Director", "Head of Marketing", "Marketing Manager", "Demand Generation Manager"],
        ["COO", "Operations Director", "Head of Operations", "Operations Manager", "Supply Chain Manager"],
        ["CHRO", "HR Director", "Head of People", "HR Manager", "Talent Acquisition Lead"],
    ];

    private static readonly string[] SeniorCapable = ["Manager", "Engineer", "Architect", "Buyer", "Lead"];

    private static readonly string[] All = Functions.SelectMany(titles => titles).ToArray();

    private static readonly Dictionary<string, string[]> FunctionOf =
        Functions.SelectMany(titles => titles.Select(title => (title, titles))).ToDictionary(p => p.title, p => p.titles);

    public static readonly string[] SalesTeam =
        ["Account Executive", "Senior Account Executive", "Sales Manager", "Business Development Representative",
         "Regional Sales Director", "Key Account Manager"];

    public static string Pick(DemoRandom random) => random.Pick(All);

    public static string Changed(string title, DemoRandom random)
    {
        // Only individual-contributor and manager titles get "Senior"; "Senior CTO" exists nowhere.
        if (random.Chance(0.25) && !title.StartsWith("Senior ", StringComparison.Ordinal) && SeniorCapable.Any(title.EndsWith))
        {
            return "Senior " + title;
        }

        var function = FunctionOf.TryGetValue(title, out var titles) ? titles : All;
        var changed = random.Pick(function);
        return changed == title ? function[(Array.IndexOf(function, title) + 1) % function.Length] : changed;
    }
}
