using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>One authenticated Web API request: the org it addresses, who calls, and what it prefers.</summary>
public sealed class DataverseRequest(HttpContext http, EmulatedOrg org, Caller caller, PreferHeader prefer, string serviceRoot)
{
    public HttpContext Http { get; } = http;
    public EmulatedOrg Org { get; } = org;
    public Caller Caller { get; } = caller;
    public PreferHeader Prefer { get; } = prefer;
    /// <summary>The absolute service root, ending in a slash: <c>https://org.crm.dynamics.com/api/data/v9.2/</c>.</summary>
    public string ServiceRoot { get; } = serviceRoot;
    public IQueryCollection Query => Http.Request.Query;
    public CancellationToken Aborted => Http.RequestAborted;

    public string MetadataUrl => ServiceRoot + "$metadata";

    /// <summary>Where a batch change set puts its Content-ID map, so that <c>$n</c> references resolve inside it.</summary>
    public const string ContentIdsItem = "SalesBridge.Emulator.ContentIds";

    /// <summary>Resolves <c>$n</c> to the row an earlier request of the same change set created; null outside a change set.</summary>
    public Func<string, EntityReference?>? ContentIdResolver => Http.Items[ContentIdsItem] as Func<string, EntityReference?>;

    /// <summary>The parser for URLs in <c>@odata.bind</c> and <c>@odata.id</c>, aware of the change set's Content-IDs.</summary>
    public EntityReferenceParser References => new(Org, ContentIdResolver);

    /// <summary>Echoes the preferences that were honoured, as Dataverse does in <c>Preference-Applied</c>.</summary>
    public void ApplyPreference(string preference) => Http.Response.Headers.Append("Preference-Applied", preference);

    /// <summary>Writes a JSON body (<c>application/json; odata.metadata=minimal</c>) with the given status.</summary>
    public async Task WriteJsonAsync(int status, Action<Utf8JsonWriter> write)
    {
        var response = Http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, JsonOutput.Options))
        {
            write(writer);
            await writer.FlushAsync(Aborted);
        }
        await response.BodyWriter.FlushAsync(Aborted);
    }

    public void NoContent() => Http.Response.StatusCode = StatusCodes.Status204NoContent;

    /// <summary>The absolute URL of a row, as used in <c>OData-EntityId</c> and <c>@odata.id</c>.</summary>
    public string EntityUrl(string entitySetName, Guid id) => $"{ServiceRoot}{entitySetName}({id})";
}
