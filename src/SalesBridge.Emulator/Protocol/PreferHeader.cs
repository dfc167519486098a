using Microsoft.AspNetCore.Http;

namespace SalesBridge.Emulator.Protocol;

/// <summary>The preferences of a request's <c>Prefer</c> header(s) that Dataverse honours.</summary>
public sealed class PreferHeader
{
    public bool ReturnRepresentation { get; private init; }
    public int? MaxPageSize { get; private init; }
    public AnnotationFilter Annotations { get; private init; } = AnnotationFilter.None;
    public bool TrackChanges { get; private init; }
    public bool ContinueOnError { get; private init; }

    public static PreferHeader Parse(HttpRequest request)
    {
        var values = request.Headers["Prefer"];
        var returnRepresentation = false;
        var trackChanges = false;
        var continueOnError = false;
        int? maxPageSize = null;
        var annotations = AnnotationFilter.None;
        foreach (var header in values)
        {
            if (header is null) continue;
            foreach (var raw in SplitPreferences(header))
            {
                var part = raw.Trim();
                var eq = part.IndexOf('=');
                var name = (eq < 0 ? part : part[..eq]).Trim();
                var value = eq < 0 ? null : part[(eq + 1)..].Trim();
                switch (name.ToLowerInvariant())
                {
                    case "return" when string.Equals(value, "representation", StringComparison.OrdinalIgnoreCase):
                        returnRepresentation = true;
                        break;
                    case "odata.maxpagesize":
                        maxPageSize = int.TryParse(value?.Trim('"'), out var size) && size > 0
                            ? size
                            : throw DataverseErrors.BadRequest($"The value '{value}' of the odata.maxpagesize preference is not a positive integer.");
                        break;
                    case "odata.include-annotations":
                        annotations = AnnotationFilter.Parse(value);
                        break;
                    case "odata.track-changes":
                        trackChanges = true;
                        break;
                    case "odata.continue-on-error":
                        continueOnError = true;
                        break;
                }
            }
        }
        return new PreferHeader
        {
            ReturnRepresentation = returnRepresentation, MaxPageSize = maxPageSize, Annotations = annotations,
            TrackChanges = trackChanges, ContinueOnError = continueOnError,
        };
    }

    // Preferences are comma-separated, but an include-annotations value is a quoted comma list.
    private static IEnumerable<string> SplitPreferences(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"') quoted = !quoted;
            else if (header[i] == ',' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }
        if (start < header.Length) yield return header[start..];
    }
}
