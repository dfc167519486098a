using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SalesBridge.Emulator.Tests.Batch;

/// <summary>
/// Writes <c>$batch</c> bodies the way clients do, as text with LF line ends that <see cref="Content"/> turns into
/// CRLF (or keeps as LF) when sending.
/// </summary>
public static class BatchBody
{
    public const string Boundary = "batch_7d2f0a";

    /// <summary>One request part; <paramref name="body"/> is serialized to JSON unless it already is a string.</summary>
    public static string Part(string boundary, string method, string url, object? body = null, string? contentId = null, params string[] headers)
    {
        var text = new StringBuilder();
        text.Append($"--{boundary}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n");
        if (contentId is not null) text.Append($"Content-ID: {contentId}\n");
        text.Append($"\n{method} {url} HTTP/1.1\n");
        foreach (var header in headers) text.Append(header).Append('\n');
        if (body is not null)
        {
            text.Append("Content-Type: application/json; type=entry\n\n");
            text.Append(body as string ?? JsonSerializer.Serialize(body)).Append('\n');
        }
        else
        {
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string ChangeSet(string batchBoundary, string changeSetBoundary, params string[] parts) =>
        $"--{batchBoundary}\nContent-Type: multipart/mixed; boundary={changeSetBoundary}\n\n{string.Concat(parts)}--{changeSetBoundary}--\n";

    public static string Close(string boundary) => $"--{boundary}--\n";

    public static HttpContent Content(string text, string boundary = Boundary, bool quoted = true, bool crlf = true)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(crlf ? text.Replace("\n", "\r\n") : text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={(quoted ? $"\"{boundary}\"" : boundary)}");
        return content;
    }

    public static HttpRequestMessage Request(string text, bool continueOnError = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = Content(text) };
        if (continueOnError) request.Headers.Add("Prefer", "odata.continue-on-error");
        return request;
    }
}
