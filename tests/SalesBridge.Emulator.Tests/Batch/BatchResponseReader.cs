using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SalesBridge.Emulator.Tests.Batch;

/// <summary>One response inside a batch response, read with ASP.NET Core's strict MIME reader (not the emulator's).</summary>
public sealed record BatchPart(
    string? ChangeSetBoundary, Dictionary<string, string> PartHeaders, int Status, string StatusLine,
    Dictionary<string, string> Headers, string Body)
{
    public string? ContentId => PartHeaders.GetValueOrDefault("Content-ID");
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    public string ErrorMessage => Json.GetProperty("error").GetProperty("message").GetString()!;
    public Guid EntityId => Infrastructure.DataverseHttp.IdFromEntityUrl(Headers["OData-EntityId"]);
}

public static class BatchResponseReader
{
    /// <summary>Every response of a batch in order, change-set parts flattened (each knows its change set's boundary).</summary>
    public static async Task<List<BatchPart>> ReadAsync(HttpResponseMessage response)
    {
        var mediaType = MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString());
        mediaType.MediaType.ToString().ShouldBe("multipart/mixed");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
        boundary.ShouldStartWith("batchresponse_");
        var parts = new List<BatchPart>();
        await ReadMultipartAsync(await response.Content.ReadAsStreamAsync(), boundary, null, parts);
        return parts;
    }

    private static async Task ReadMultipartAsync(Stream body, string boundary, string? changeSet, List<BatchPart> parts)
    {
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var headers = section.Headers!.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var type = MediaTypeHeaderValue.Parse(headers["Content-Type"]);
            if (type.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                var inner = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
                inner.ShouldStartWith("changesetresponse_");
                await ReadMultipartAsync(section.Body, inner, inner, parts);
                continue;
            }
            type.MediaType.ToString().ShouldBe("application/http");
            headers["Content-Transfer-Encoding"].ShouldBe("binary");
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            parts.Add(ReadHttpResponse(await text.ReadToEndAsync(), changeSet, headers));
        }
    }

    private static BatchPart ReadHttpResponse(string text, string? changeSet, Dictionary<string, string> partHeaders)
    {
        var lines = text.Split("\r\n");
        var statusLine = lines[0];
        statusLine.ShouldStartWith("HTTP/1.1 ");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':');
            headers[lines[i][..colon]] = lines[i][(colon + 1)..].Trim();
        }
        var body = string.Join("\r\n", lines.Skip(i + 1)).TrimEnd('\r', '\n');
        return new BatchPart(changeSet, partHeaders, int.Parse(statusLine.Split(' ')[1]), statusLine, headers, body);
    }
}
