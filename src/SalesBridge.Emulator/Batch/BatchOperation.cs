namespace SalesBridge.Emulator.Batch;

/// <summary>One entry of a batch: a request on its own, or a change set of requests that succeed or fail together.</summary>
public abstract record BatchItem;

/// <summary>
/// One HTTP request inside a batch, as written: the method, the URL as sent (absolute, relative to the service
/// root, or starting with a <c>$n</c> Content-ID reference), its headers and body.
/// </summary>
public sealed record BatchOperation(
    string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body, string? ContentId) : BatchItem;

/// <summary>Requests that run in one transaction; their Content-IDs are visible only to each other.</summary>
public sealed record BatchChangeSet(IReadOnlyList<BatchOperation> Operations) : BatchItem;
