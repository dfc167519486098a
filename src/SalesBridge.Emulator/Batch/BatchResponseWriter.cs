using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Writes the <c>multipart/mixed</c> answer to a batch in the shape of the documented examples: one
/// <c>application/http</c> part per request (<c>Content-ID</c> echoed), change sets nested under a
/// <c>changesetresponse_&lt;guid&gt;</c> boundary, each part a status line, headers and body. A 204 that names a row
/// carries <c>Location</c> as well as <c>OData-EntityId</c>, as in the examples.
/// </summary>
internal sealed class BatchResponseWriter
{
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "OData-Version", "Content-Length" };
    private readonly MemoryStream _buffer = new();

    public BatchResponseWriter() => Boundary = $"batchresponse_{Guid.NewGuid()}";

    public string Boundary { get; }

    public ReadOnlyMemory<byte> Write(IReadOnlyList<BatchItemResponse> responses)
    {
        foreach (var item in responses)
        {
            switch (item)
            {
                case SingleResponse single:
                    WritePart(Boundary, single.Response);
                    break;
                case ChangeSetResponse { Failure: { } failure }:
                    WritePart(Boundary, failure);
                    break;
                case ChangeSetResponse changeSet:
                    var inner = $"changesetresponse_{Guid.NewGuid()}";
                    Line($"--{Boundary}");
                    Line($"Content-Type: multipart/mixed; boundary={inner}");
                    Line("");
                    foreach (var response in changeSet.Responses) WritePart(inner, response);
                    Line($"--{inner}--");
                    break;
            }
        }
        Line($"--{Boundary}--");
        return _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);
    }

    private void WritePart(string boundary, BatchOperationResponse response)
    {
        Line($"--{boundary}");
        Line("Content-Type: application/http");
        Line("Content-Transfer-Encoding: binary");
        if (response.ContentId is { } id) Line($"Content-ID: {id}");
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonPhrases.GetReasonPhrase(response.Status)}"));
        if (response.Header("Content-Type") is { } contentType) Line($"Content-Type: {contentType}");
        Line("OData-Version: 4.0");
        if (response.Header("OData-EntityId") is { } entityId && response.Header("Location") is null) Line($"Location: {entityId}");
        foreach (var (name, value) in response.Headers)
        {
            if (!OwnHeaders.Contains(name)) Line($"{name}: {value}");
        }
        Line("");
        _buffer.Write(response.Body.Span);
        Line("");
    }

    private void Line(string text)
    {
        var size = Encoding.UTF8.GetMaxByteCount(text.Length) + 2;
        Span<byte> scratch = size <= 512 ? stackalloc byte[size] : new byte[size];
        var written = Encoding.UTF8.GetBytes(text, scratch);
        scratch[written++] = (byte)'\r';
        scratch[written++] = (byte)'\n';
        _buffer.Write(scratch[..written]);
    }
}
