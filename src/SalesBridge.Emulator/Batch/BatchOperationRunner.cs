using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Runs one request of a batch as a request of its own: a fresh <see cref="HttpContext"/> with the part's method,
/// URL, headers and body, sent through <see cref="DataverseRequestPipeline.ExecuteAsync"/> with the batch's caller,
/// so that routing, impersonation, errors (and any per-request accounting) are those of a single request.
/// </summary>
internal sealed class BatchOperationRunner(DataverseRequest batch)
{
    /// <summary>Marks a batch part's context, so that a part can never run another batch.</summary>
    public const string PartItem = "SalesBridge.Emulator.Batch.Part";

    private readonly string _pathPrefix = PathPrefix(batch.Http.Request.Path.ToUriComponent());

    public async Task<BatchOperationResponse> RunAsync(BatchOperation operation, ChangeSetContentIds? contentIds)
    {
        var http = NewContext(operation, contentIds);
        BatchOperationUrl url;
        try
        {
            url = BatchOperationUrl.Resolve(operation.Url, contentIds);
        }
        catch (DataverseFault fault)
        {
            // The URL names a Content-ID that does not exist: the request cannot be addressed, so it fails as Dataverse
            // documents without reaching a handler.
            await ErrorWriter.WriteAsync(http, fault);
            return Capture(operation, http);
        }
        http.Request.Path = PathString.FromUriComponent(_pathPrefix + url.RawPath);
        http.Request.QueryString = QueryString.FromUriComponent(url.Query);
        await DataverseRequestPipeline.ExecuteAsync(http, batch.Org, batch.Caller, batch.ServiceRoot, url.RawPath);
        return Capture(operation, http);
    }

    private DefaultHttpContext NewContext(BatchOperation operation, ChangeSetContentIds? contentIds)
    {
        var outer = batch.Http;
        var http = new DefaultHttpContext { RequestServices = outer.RequestServices, RequestAborted = outer.RequestAborted };
        var request = http.Request;
        request.Method = operation.Method;
        request.Scheme = outer.Request.Scheme;
        request.Host = outer.Request.Host;
        request.PathBase = outer.Request.PathBase;
        foreach (var (name, value) in operation.Headers)
        {
            request.Headers[name] = StringValues.Concat(request.Headers[name], value);
        }
        request.Body = BodyStream(operation.Body);
        request.ContentLength = operation.Body.Length;
        http.Response.Body = new MemoryStream();
        http.Items[PartItem] = true;
        if (contentIds is not null) http.Items[DataverseRequest.ContentIdsItem] = (Func<string, Store.EntityReference?>)contentIds.Resolve;
        return http;
    }

    private static BatchOperationResponse Capture(BatchOperation operation, DefaultHttpContext http)
    {
        var response = http.Response;
        var headers = new List<KeyValuePair<string, string>>(response.Headers.Count);
        foreach (var (name, values) in response.Headers)
        {
            foreach (var value in values) headers.Add(new(name, value ?? ""));
        }
        var body = (MemoryStream)response.Body;
        return new BatchOperationResponse(operation.ContentId, response.StatusCode, headers, body.GetBuffer().AsMemory(0, (int)body.Length));
    }

    // The batch body is one array; a part's body is a read-only window on it, not a copy.
    private static Stream BodyStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    // "/org/api/data/v9.2/$batch" → "/org/api/data/v9.2/": a part's path is the batch's with its own resource path.
    private static string PathPrefix(string batchPath) => batchPath[..(batchPath.LastIndexOf('/') + 1)];
}
