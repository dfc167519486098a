using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Sends the batch and returns one result per request, in order. Without <paramref name="continueOnError"/>
    /// Dataverse stops at the first failure (and this throws it); with it, failures come back in their results.
    /// A failed change set is rolled back by Dataverse as a whole.
    /// </summary>
    public virtual async Task<IReadOnlyList<BatchResult>> ExecuteBatchAsync(DataverseBatch batch, bool continueOnError = false,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return [];
        var (body, boundary) = BatchWriter.Write(batch, WebApiUrl);
        using var request = NewRequest(HttpMethod.Post, "$batch", options, safeToRetry: batch.IsSafeToRetry);
        request.Options.Set(Http.OrgRequestBudget.Weight, batch.Count);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={boundary}");
        if (continueOnError) request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");
        _connection.Calls.CountBatchOperations(batch.Count);
        IReadOnlyList<BatchResult> results;
        try
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var responseBoundary = BatchReader.Boundary(response.Content.Headers.ContentType)
                ?? throw new DataverseException("The $batch response is not multipart.", response.StatusCode, null, text);
            results = BatchReader.Read(text, responseBoundary);
        }
        catch (DataverseException failed) when (failed.StatusCode == HttpStatusCode.BadRequest && failed.RawBody?.TrimStart().StartsWith("--", StringComparison.Ordinal) == true)
        {
            // Stopped at the first failure: the 400 carries the parts answered so far, the failing one last.
            results = BatchReader.Read(failed.RawBody, failed.RawBody.TrimStart()[2..].Split('\n')[0].Trim());
        }
        // Without continue-on-error, a failure ends the batch; surface it as the exception it is.
        if (!continueOnError && results.FirstOrDefault(r => r.Error is not null) is { Error: { } error }) throw error;
        return results;
    }
}
