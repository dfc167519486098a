using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Batch;

/// <summary>
/// Runs the entries of a batch in order. Without <c>Prefer: odata.continue-on-error</c> the first failure ends the
/// batch; with it, every entry runs. A change set runs in one store transaction and commits only when all of its
/// requests succeed; its Content-IDs live as long as it does.
/// </summary>
internal sealed class BatchExecution(DataverseRequest batch)
{
    private readonly BatchOperationRunner _runner = new(batch);

    public async Task<IReadOnlyList<BatchItemResponse>> RunAsync(IReadOnlyList<BatchItem> items)
    {
        var responses = new List<BatchItemResponse>(items.Count);
        foreach (var item in items)
        {
            BatchItemResponse response = item switch
            {
                BatchOperation operation => new SingleResponse(await _runner.RunAsync(operation, contentIds: null)),
                BatchChangeSet changeSet => await RunChangeSetAsync(changeSet),
                _ => throw new InvalidOperationException($"Unknown batch item {item.GetType().Name}."),
            };
            responses.Add(response);
            if (response.Failed && !batch.Prefer.ContinueOnError) break;
        }
        return responses;
    }

    private async Task<ChangeSetResponse> RunChangeSetAsync(BatchChangeSet changeSet)
    {
        var contentIds = new ChangeSetContentIds(batch.Org);
        var responses = new List<BatchOperationResponse>(changeSet.Operations.Count);
        using var transaction = batch.Org.Store.BeginTransaction();
        foreach (var operation in changeSet.Operations)
        {
            var response = await _runner.RunAsync(operation, contentIds);
            // Disposing the transaction without a commit undoes every write of the change set.
            if (response.Failed) return new ChangeSetResponse([], response);
            if (operation.ContentId is { } id && response.Header("OData-EntityId") is { } entityId) contentIds.Remember(id, entityId);
            responses.Add(response);
        }
        transaction.Commit();
        return new ChangeSetResponse(responses, null);
    }
}
