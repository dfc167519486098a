using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>One change read through change tracking: a row created or updated since the token, or a deleted row.</summary>
public abstract record TrackedChange
{
    private TrackedChange()
    {
    }

    /// <summary>A row that is new or changed; <see cref="Row"/> holds its current values.</summary>
    public sealed record Upserted(JsonObject Row) : TrackedChange;

    /// <summary>A row that was deleted.</summary>
    public sealed record Deleted(Guid Id) : TrackedChange;
}
