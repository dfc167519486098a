using System.Net;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>The answer to one request of a batch, in the order the requests were added.</summary>
public sealed record BatchResult(HttpStatusCode StatusCode, string? ContentId, Guid? EntityId, JsonObject? Body, DataverseException? Error)
{
    /// <summary>True for a 2xx answer.</summary>
    public bool Succeeded => (int)StatusCode is >= 200 and < 300;
}
