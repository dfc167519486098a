namespace SalesBridge.Emulator.Batch;

/// <summary>What one request of a batch answered: status, headers and body, with the Content-ID it was sent with.</summary>
public sealed record BatchOperationResponse(
    string? ContentId, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    public bool Failed => Status >= 400;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>What one entry of a batch answered: a request's response, or a change set's (all parts, or its one failure).</summary>
public abstract record BatchItemResponse
{
    public abstract bool Failed { get; }
}

public sealed record SingleResponse(BatchOperationResponse Response) : BatchItemResponse
{
    public override bool Failed => Response.Failed;
}

/// <summary>A committed change set answers part by part; a rolled-back one with the failure alone (OData 4.0, 11.7.4).</summary>
public sealed record ChangeSetResponse(IReadOnlyList<BatchOperationResponse> Responses, BatchOperationResponse? Failure) : BatchItemResponse
{
    public override bool Failed => Failure is not null;
}
