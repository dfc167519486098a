using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// The 400s a malformed or oversized <c>$batch</c> gets before any of its requests runs. Dataverse reads batches
/// with the OData library, so the wording is that library's (and, for the size limits, what Dataverse was seen to
/// answer); the error code of these format errors is not documented, and the emulator uses <c>0x0</c> as for other
/// OData parse errors.
/// </summary>
public static class BatchErrors
{
    /// <summary>Requests per batch, counting those inside change sets (page: execute-batch-operations-using-web-api).</summary>
    public const int MaxRequests = 1000;

    /// <summary>Characters of a URL inside a batch: "up to 64 KB (65,536 characters)".</summary>
    public const int MaxUrlLength = 65_536;

    public static DataverseFault Malformed(string message) => DataverseErrors.BadRequest(message, DataverseErrors.QueryParseError);

    public static DataverseFault NotMultipart(string? contentType) => Malformed(
        $"The content type '{contentType}' is not supported for $batch. A batch request must be sent as 'multipart/mixed' " +
        "with a boundary, e.g. 'multipart/mixed; boundary=batch_<unique identifier>'; JSON batch requests are not supported.");

    public static DataverseFault NoBoundary(string contentType) => Malformed(
        $"The content type '{contentType}' specifies a batch payload; however, the payload either does not include a batch boundary " +
        "or includes more than one boundary. In OData, batch payload content types must specify exactly one batch boundary " +
        "in the 'boundary' parameter of the content type.");

    public static DataverseFault BoundaryNotFound(string boundary) => Malformed(
        $"The batch body does not contain the boundary delimiter '--{boundary}' named in its content type.");

    public static DataverseFault UnexpectedEnd(string boundary) => Malformed(
        $"Encountered an unexpected end of input while reading the batch payload: the closing delimiter '--{boundary}--' is missing.");

    public static DataverseFault MissingContentType() => Malformed(
        "The 'Content-Type' header is missing. The 'Content-Type' header must be specified for each MIME part of a batch message.");

    public static DataverseFault UnsupportedPartType(string contentType) => Malformed(
        $"The content type '{contentType}' of a batch part is not supported. Each part must be 'application/http' " +
        "or, for a change set, 'multipart/mixed' with a boundary.");

    public static DataverseFault NestedChangeSet() => Malformed("Nested change sets in a batch payload are not supported.");

    public static DataverseFault NestedBatch() => Malformed("Batch requests can't contain other batch requests.");

    public static DataverseFault InvalidRequestLine(string line) => Malformed(
        $"The request line '{line}' is invalid. The request line at the start of each operation must be of the format " +
        "'HttpMethod RequestUrl HttpVersion'.");

    public static DataverseFault UrlTooLong(int length) => Malformed(
        $"A request URL in the batch is {length:N0} characters long; URLs inside a batch can be at most {MaxUrlLength:N0} characters.");

    public static DataverseFault GetInChangeSet(string method) => Malformed(
        $"An invalid HTTP method '{method}' was detected for a request in a change set. Requests in change sets only support " +
        "the HTTP methods 'POST', 'PUT', 'DELETE', and 'PATCH'.");

    public static DataverseFault DuplicateContentId(string contentId) => Malformed(
        $"The content ID '{contentId}' was found more than once in the same change set or same batch request. Content IDs have " +
        "to be unique across all operations of a change set for OData V4.0 and have to be unique across all operations in the " +
        "whole batch request for OData V4.01.");

    // Dataverse's own wording (reported from a real org, when its limit was 250), not the OData library's.
    public static DataverseFault TooManyRequests() => Malformed(
        $"The current batch message contains too many parts. Only batch messages with a maximum number of '{MaxRequests}' " +
        "query operations, including changeset operations, are allowed.");

    public static DataverseFault ChangeSetTooLarge() => Malformed(
        $"The current change set contains too many operations. A maximum number of '{MaxRequests}' operations are allowed in a change set.");

    /// <summary>The documented answer to <c>$n</c> naming no earlier request of the change set.</summary>
    public static DataverseFault UnknownContentId(string reference) =>
        DataverseErrors.BadRequest($"Content-ID Reference: '{reference}' does not exist in the batch context.");
}
