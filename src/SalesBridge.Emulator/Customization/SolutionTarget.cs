using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Customization;

/// <summary>
/// Where new components go: the solution named by the <c>MSCRM.SolutionUniqueName</c> header (which must
/// exist), else the org's Default solution. Component names must start with the customization prefix of the
/// solution's publisher (any publisher's prefix when no solution is named) followed by '_'.
/// </summary>
internal sealed class SolutionTarget
{
    public const string Header = "MSCRM.SolutionUniqueName";

    /// <summary>The solutioncomponent.componenttype values the emulator records.</summary>
    public const int EntityComponent = 1, AttributeComponent = 2, EntityKeyComponent = 14;

    private SolutionTarget(Guid? solutionId, IReadOnlyList<string> prefixes, int optionValuePrefix)
    {
        SolutionId = solutionId;
        Prefixes = prefixes;
        OptionValuePrefix = optionValuePrefix;
    }

    public Guid? SolutionId { get; }
    public IReadOnlyList<string> Prefixes { get; }
    public int OptionValuePrefix { get; }

    public static SolutionTarget Resolve(EmulatedOrg org, string? uniqueName)
    {
        var named = !string.IsNullOrWhiteSpace(uniqueName);
        var solution = FindSolution(org.Store, named ? uniqueName! : "Default");
        if (named && solution is null) throw CustomizationErrors.UnknownSolution(uniqueName!);
        var publishers = org.Store.Table("publisher").InKeyOrder();
        if (named)
        {
            var publisher = solution!.Reference("publisherid") is { } id ? org.Store.Find("publisher", id.Id) : null;
            return new SolutionTarget(solution.Id, PrefixOf(publisher) is { } prefix ? [prefix] : [],
                publisher?["customizationoptionvalueprefix"] as int? ?? 10000);
        }
        return new SolutionTarget(solution?.Id, publishers.Select(PrefixOf).OfType<string>().ToArray(), 10000);
    }

    public void EnsurePrefixed(string schemaName, string type)
    {
        var underscore = schemaName.IndexOf('_');
        if (underscore <= 0 || underscore == schemaName.Length - 1
            || !Prefixes.Contains(schemaName[..underscore], StringComparer.OrdinalIgnoreCase))
        {
            throw CustomizationErrors.InvalidPrefix(schemaName, type);
        }
    }

    /// <summary>Adds a component to the solution, as a solutioncomponent row.</summary>
    public void Record(EmulatedOrg org, WriteScope scope, Caller caller, Guid objectId, int componentType)
    {
        if (SolutionId is not { } solutionId) return;
        var table = org.Schema.GetTable("solutioncomponent");
        org.Writer.Insert(scope, table, Guid.NewGuid(), new Dictionary<string, object?>
        {
            ["objectid"] = objectId, ["componenttype"] = componentType, ["rootcomponentbehavior"] = 0,
            ["solutionid"] = new EntityReference("solution", solutionId),
        }, caller, org.Time.GetUtcNow());
    }

    private static EntityRow? FindSolution(OrgStore store, string uniqueName) =>
        store.Table("solution").InKeyOrder().FirstOrDefault(r => string.Equals(r["uniquename"] as string, uniqueName, StringComparison.OrdinalIgnoreCase));

    private static string? PrefixOf(EntityRow? publisher) => publisher?["customizationprefix"] as string is { Length: > 0 } p ? p : null;
}
