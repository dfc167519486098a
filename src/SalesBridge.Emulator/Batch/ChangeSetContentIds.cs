using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// The rows the requests of one change set have created or updated, by Content-ID, read from each response's
/// <c>OData-EntityId</c>: <c>$n</c> resolves to them at the start of later URLs and in <c>@odata.bind</c>.
/// </summary>
internal sealed class ChangeSetContentIds(EmulatedOrg org)
{
    private readonly Dictionary<string, (EntityReference Row, string Path)> _rows = new(StringComparer.Ordinal);

    public void Remember(string contentId, string entityIdUrl)
    {
        // OData-EntityId is <service root><entity set>(<id>); the emulator always writes the primary key.
        var open = entityIdUrl.LastIndexOf('(');
        if (open <= 0) return;
        var path = entityIdUrl[(entityIdUrl.LastIndexOf('/', open) + 1)..];
        var paren = path.IndexOf('(');
        if (paren <= 0 || !path.EndsWith(')') || !Guid.TryParse(path[(paren + 1)..^1], out var id)) return;
        if (org.Schema.FindBySetName(path[..paren]) is not { } table) return;
        _rows[contentId] = (new EntityReference(table.LogicalName, id), path);
    }

    /// <summary>What <c>$n</c> stands for in <c>@odata.bind</c> and <c>@odata.id</c>; the resolver the request pipeline expects.</summary>
    public EntityReference? Resolve(string reference) =>
        reference.StartsWith('$') && _rows.TryGetValue(reference[1..], out var row) ? row.Row : null;

    /// <summary>The path relative to the service root (<c>accounts(&lt;id&gt;)</c>) that <c>$n</c> stands for in a URL.</summary>
    public string? PathOf(string contentId) => _rows.TryGetValue(contentId, out var row) ? row.Path : null;
}
