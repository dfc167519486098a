using System.Net;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Upserts many rows by key in <c>$batch</c>es of up to <paramref name="batchSize"/> (1,000 at most), each
    /// row on its own (one failure does not stop the others), and returns one result per row in input order.
    /// Rows the org refused with 429 inside a batch were not executed; they are sent again after the longest
    /// Retry-After, as are 5xx answers (keyed upserts are safe to repeat), up to the configured retries.
    /// Batches go out in parallel as far as the org's pacing allows.
    /// </summary>
    public virtual async Task<IReadOnlyList<BatchResult>> UpsertManyAsync(string entitySet, IReadOnlyList<(EntityKey Key, JsonObject Row)> rows,
        int batchSize = DataverseBatch.MaxRequests, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, DataverseBatch.MaxRequests);
        var chunks = Enumerable.Range(0, rows.Count).Chunk(batchSize).ToArray();
        var results = new BatchResult[rows.Count];
        await Parallel.ForEachAsync(chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _connection.Concurrency.Limit), CancellationToken = cancellationToken },
            async (indexes, token) => await UpsertChunkAsync(entitySet, rows, indexes, results, options, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    private async Task UpsertChunkAsync(string entitySet, IReadOnlyList<(EntityKey Key, JsonObject Row)> rows, int[] indexes,
        BatchResult[] results, RequestOptions? options, CancellationToken cancellationToken)
    {
        var pending = indexes;
        for (var attempt = 0; ; attempt++)
        {
            var batch = new DataverseBatch();
            foreach (var index in pending) batch.Add(BatchOperation.Upsert(entitySet, rows[index].Key, rows[index].Row));
            var answers = await ExecuteBatchAsync(batch, continueOnError: true, options, cancellationToken).ConfigureAwait(false);
            var again = new List<int>();
            var wait = TimeSpan.Zero;
            for (var i = 0; i < pending.Length; i++)
            {
                results[pending[i]] = answers[i];
                if (!Repeatable(answers[i])) continue;
                again.Add(pending[i]);
                if (answers[i].Error is DataverseThrottledException throttled && throttled.RetryAfter > wait) wait = throttled.RetryAfter;
            }
            if (again.Count == 0 || attempt >= _connection.Options.MaxRetries || wait > _connection.Options.MaxRetryDelay) return;
            _connection.Calls.CountRetry();
            if (wait == TimeSpan.Zero) wait = _connection.Options.RetryBaseDelay * Math.Pow(2, attempt);
            else _connection.Calls.CountWait(wait);
            await Task.Delay(wait, _connection.Time, cancellationToken).ConfigureAwait(false);
            pending = [.. again];
        }
    }

    private static bool Repeatable(BatchResult answer) => answer.StatusCode is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
