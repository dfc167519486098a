namespace SalesBridge.Emulator.Protocol;

/// <summary>
/// Which instance annotations a client asked for with <c>odata.include-annotations</c>: <c>*</c>, exact
/// names, or names ending in <c>.*</c> (e.g. <c>Microsoft.Dynamics.CRM.*</c>). A leading <c>-</c> excludes.
/// </summary>
public sealed class AnnotationFilter
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string AssociatedNavigationProperty = "Microsoft.Dynamics.CRM.associatednavigationproperty";

    public static readonly AnnotationFilter None = new([]);

    private readonly string[] _patterns;

    private AnnotationFilter(string[] patterns) => _patterns = patterns;

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>The value as the client sent it, to echo in <c>Preference-Applied</c>.</summary>
    public string? RawValue { get; private init; }

    public static AnnotationFilter Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return None;
        var trimmed = value.Trim().Trim('"');
        var patterns = trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AnnotationFilter(patterns) { RawValue = trimmed };
    }

    public bool Includes(string annotation)
    {
        var included = false;
        foreach (var pattern in _patterns)
        {
            var exclude = pattern.StartsWith('-');
            var body = exclude ? pattern[1..] : pattern;
            if (!Matches(body, annotation)) continue;
            if (exclude) return false;
            included = true;
        }
        return included;
    }

    private static bool Matches(string pattern, string annotation) =>
        pattern == "*"
        || string.Equals(pattern, annotation, StringComparison.Ordinal)
        || (pattern.EndsWith(".*", StringComparison.Ordinal)
            && annotation.StartsWith(pattern[..^1], StringComparison.Ordinal));
}
