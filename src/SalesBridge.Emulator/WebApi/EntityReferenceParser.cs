using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Resolves the row a URL names, in every form Dataverse accepts in <c>@odata.bind</c> and <c>@odata.id</c>:
/// <c>contacts(id)</c>, <c>/contacts(id)</c>, an absolute URL, an alternate key, or a <c>$n</c> Content-ID
/// reference inside a batch change set.
/// </summary>
public sealed class EntityReferenceParser(EmulatedOrg org, Func<string, EntityReference?>? contentIdResolver = null)
{
    public EntityReference Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('$'))
        {
            return contentIdResolver?.Invoke(text)
                ?? throw DataverseErrors.BadRequest($"Content-ID Reference: '{text}' does not exist in the batch context.");
        }
        var marker = text.IndexOf("/api/data/", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            var afterVersion = text.IndexOf('/', marker + "/api/data/".Length);
            text = afterVersion < 0 ? "" : text[(afterVersion + 1)..];
        }
        text = text.TrimStart('/');
        var segments = ResourcePath.Parse(text);
        if (segments.Count != 1 || segments[0].Parameters is null)
        {
            throw DataverseErrors.BadRequest($"The URI '{value}' is not valid because it is not based on an entity set and key.");
        }
        var table = org.Schema.FindBySetName(segments[0].Name) ?? throw DataverseErrors.UnknownSegment(segments[0].Name);
        var row = RowLocator.Find(org.Store, table, ResourcePath.ParseParameters(segments[0].Parameters!), value);
        return new EntityReference(table.LogicalName, row.Id);
    }
}
