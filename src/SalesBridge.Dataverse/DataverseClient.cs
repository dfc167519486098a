using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;
using SalesBridge.Dataverse.Http;

namespace SalesBridge.Dataverse;

/// <summary>
/// Talks to one Dataverse org through its Web API: one method per operation, <see cref="CancellationToken"/> last,
/// failures as <see cref="DataverseException"/>s. Made by <see cref="DataverseClientFactory"/>; retries, token
/// refresh and pacing happen in the shared HTTP pipeline.
/// </summary>
public partial class DataverseClient
{
    private readonly HttpClient _http;
    private readonly DataverseConnection _connection;

    internal DataverseClient(HttpClient http, DataverseConnection connection)
    {
        _http = http;
        _connection = connection;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected DataverseClient()
    {
        _http = null!;
        _connection = null!;
    }

    /// <summary>The Web API root this client sends to.</summary>
    public virtual Uri WebApiUrl => _connection.Options.WebApiUrl;

    /// <summary>The calls made to this org by every client of it from the same factory.</summary>
    public virtual DataverseCallCounter Calls => _connection.Calls;

    /// <summary>How many requests may currently be in flight to this org.</summary>
    public virtual int CurrentParallelism => _connection.Concurrency.Limit;

    /// <summary>The absolute URL of a row, as used in <c>@odata.bind</c> and <c>@odata.id</c>.</summary>
    public virtual Uri RowUrl(string entitySet, EntityKey key) => new(WebApiUrl, EntitySet(entitySet) + key.ToUrlSegment());

    private HttpRequestMessage NewRequest(HttpMethod method, string relativeUrl, RequestOptions? options, bool safeToRetry)
    {
        var url = new Uri(WebApiUrl, relativeUrl);
        // Links from responses (nextLink, deltaLink) are followed verbatim; the token must never go to another host.
        if (!WebApiUrl.IsBaseOf(url))
        {
            throw new DataverseException($"Refusing to send a request outside the org's Web API: {url.GetLeftPart(UriPartial.Path)}", null, null, null);
        }
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        if (options?.CallerObjectId is { } objectId) request.Headers.Add("CallerObjectId", objectId.ToString("D"));
        else if (options?.CallerSystemUserId is { } userId) request.Headers.Add("MSCRMCallerID", userId.ToString("D"));
        request.Options.Set(DataverseConnection.Key, _connection);
        request.Options.Set(DataverseConnection.SafeToRetry, safeToRetry || options?.SafeToRetry == true);
        return request;
    }

    /// <summary>Sends and returns the successful response; any failure becomes the matching exception.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DataverseUnreachableException($"{request.Method} {request.RequestUri} got no response: {ex.Message}", ex);
        }
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified) return response;
        using (response)
        {
            throw await DataverseErrorReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> SendForObjectAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var node = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
        return node as JsonObject ?? throw new DataverseException("Dataverse answered with something other than a JSON object.", response.StatusCode, null, node?.ToJsonString());
    }

    /// <summary>A page as a document, parsed straight from the response stream.</summary>
    private async Task<JsonDocument> SendForDocumentAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static JsonContent Json(JsonNode body) => JsonContent.Create(body, options: SerializerOptions);

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Entity set names are plain identifiers; anything else could change the URL.</summary>
    private static string EntitySet(string entitySet) => ODataFilter.Column(entitySet);

    private static Guid IdFromEntityIdHeader(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("OData-EntityId", out var values)) return Guid.Empty;
        var url = values.First();
        var open = url.LastIndexOf('(');
        return open >= 0 && Guid.TryParse(url.AsSpan(open + 1, url.Length - open - 2), out var id) ? id : Guid.Empty;
    }
}
