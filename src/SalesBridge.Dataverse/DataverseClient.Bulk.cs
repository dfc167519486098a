using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>
    /// Upserts many rows by key in <c>$batch</c>es of up to <paramref name="batchSize"/> (1,000 at most), each
    /// row on its own (one failure does not stop the others), and returns one result per row in input order.
    /// Batches go out in parallel as far as the org's pacing allows; keyed upserts are safe to retry.
    /// </summary>
    public virtual async Task<IReadOnlyList<BatchResult>> UpsertManyAsync(string entitySet, IReadOnlyList<(EntityKey Key, JsonObject Row)> rows,
        int batchSize = DataverseBatch.MaxRequests, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, DataverseBatch.MaxRequests);
        var chunks = rows.Chunk(batchSize).ToArray();
        var results = new IReadOnlyList<BatchResult>[chunks.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _connection.Concurrency.Limit), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var batch = new DataverseBatch();
                foreach (var (key, row) in chunks[index]) batch.Add(BatchOperation.Upsert(entitySet, key, row));
                results[index] = await ExecuteBatchAsync(batch, continueOnError: true, options, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return results.SelectMany(r => r).ToArray();
    }
}
