using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// <c>POST /api/data/v9.2/$batch</c> (page: execute-batch-operations-using-web-api): many requests in one
/// <c>multipart/mixed</c> body, run in order, each through the same pipeline as a request of its own, with change
/// sets as transactions. The answer is 200 with a part per request; without
/// <c>Prefer: odata.continue-on-error</c> a failure ends the batch and the answer is 400 with the parts so far,
/// the failure last.
/// </summary>
public static class BatchEndpoint
{
    public static async Task HandleAsync(DataverseRequest request)
    {
        var http = request.Http;
        if (http.Items.ContainsKey(BatchOperationRunner.PartItem)) throw BatchErrors.NestedBatch();
        var boundary = BatchRequestParser.Boundary(http.Request.ContentType);
        var body = await ReadBodyAsync(http.Request, request.Aborted);
        var items = BatchRequestParser.Parse(body, boundary);

        var responses = await new BatchExecution(request).RunAsync(items);

        var writer = new BatchResponseWriter();
        var content = writer.Write(responses);
        var response = http.Response;
        var stopped = !request.Prefer.ContinueOnError && responses.Count > 0 && responses[^1].Failed;
        response.StatusCode = stopped ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (request.Prefer.ContinueOnError) request.ApplyPreference("odata.continue-on-error");
        response.ContentType = $"multipart/mixed; boundary={writer.Boundary}";
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, request.Aborted);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = request.ContentLength is { } length and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
