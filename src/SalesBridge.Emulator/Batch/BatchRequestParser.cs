using Microsoft.Net.Http.Headers;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Reads the body of a <c>$batch</c> request into its requests and change sets, and checks the limits Dataverse
/// sets (1,000 requests, no GET in a change set, no nested batch, URLs up to 64 KB) before anything runs.
/// </summary>
public static class BatchRequestParser
{
    /// <summary>The boundary of a <c>multipart/mixed</c> content type, quoted or not; a 400 for anything else.</summary>
    public static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            throw BatchErrors.NotMultipart(contentType);
        }
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).ToString();
        return boundary.Length is > 0 and <= 70 ? boundary : throw BatchErrors.NoBoundary(contentType!);
    }

    public static IReadOnlyList<BatchItem> Parse(ReadOnlyMemory<byte> body, string boundary)
    {
        var items = new List<BatchItem>();
        var requests = 0;
        foreach (var content in MultipartBody.Split(body, boundary))
        {
            var part = MimePart.Read(content);
            if (part.ChangeSetBoundary is { } changeSetBoundary)
            {
                var changeSet = ReadChangeSet(part.Content, changeSetBoundary);
                requests += changeSet.Operations.Count;
                items.Add(changeSet);
            }
            else
            {
                items.Add(BatchOperationParser.Read(part));
                requests++;
            }
        }
        if (requests > BatchErrors.MaxRequests) throw BatchErrors.TooManyRequests();
        return items;
    }

    private static BatchChangeSet ReadChangeSet(ReadOnlyMemory<byte> body, string boundary)
    {
        var operations = new List<BatchOperation>();
        var contentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var content in MultipartBody.Split(body, boundary))
        {
            var part = MimePart.Read(content);
            if (part.ChangeSetBoundary is not null) throw BatchErrors.NestedChangeSet();
            var operation = BatchOperationParser.Read(part);
            if (operation.Method == "GET") throw BatchErrors.GetInChangeSet(operation.Method);
            if (operation.ContentId is { } id && !contentIds.Add(id)) throw BatchErrors.DuplicateContentId(id);
            operations.Add(operation);
            if (operations.Count > BatchErrors.MaxRequests) throw BatchErrors.ChangeSetTooLarge();
        }
        return new BatchChangeSet(operations);
    }
}
