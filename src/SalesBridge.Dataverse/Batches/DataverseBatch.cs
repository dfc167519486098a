using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

/// <summary>
/// Requests to send in one <c>$batch</c>: plain requests (run in order, each on its own) and change sets (all or
/// nothing). Dataverse takes at most 1,000 requests per batch, and each counts against the service-protection limits.
/// </summary>
public sealed class DataverseBatch
{
    /// <summary>Dataverse's limit of requests in one batch, change-set requests included.</summary>
    public const int MaxRequests = 1000;

    private readonly List<object> _items = [];

    internal IReadOnlyList<object> Items => _items;

    /// <summary>How many requests the batch holds, counting those inside change sets.</summary>
    public int Count => _items.Sum(i => i is BatchChangeSet set ? set.Operations.Count : 1);

    /// <summary>True when every request may be sent again without harm (reads, keyed upserts), so the batch may be retried.</summary>
    public bool IsSafeToRetry => _items.All(i => i is BatchChangeSet set ? set.Operations.All(o => o.SafeToRetry) : ((BatchOperation)i).SafeToRetry);

    /// <summary>Adds a read, e.g. <c>accounts?$select=name&amp;$top=5</c>.</summary>
    public DataverseBatch Get(string relativeUrl)
    {
        Add(new BatchOperation(HttpMethod.Get, relativeUrl, null, null, SafeToRetry: true));
        return this;
    }

    /// <summary>Adds a request outside any change set.</summary>
    public DataverseBatch Add(BatchOperation operation)
    {
        EnsureRoom(1);
        _items.Add(operation);
        return this;
    }

    /// <summary>Starts a change set: its requests succeed or fail together, and may refer to each other as <c>$n</c>.</summary>
    public BatchChangeSet ChangeSet()
    {
        var set = new BatchChangeSet(this);
        _items.Add(set);
        return set;
    }

    internal void EnsureRoom(int more)
    {
        if (Count + more > MaxRequests) throw new InvalidOperationException($"A batch holds at most {MaxRequests} requests.");
    }
}

/// <summary>One request of a batch. URLs are relative to the Web API root, or <c>$n</c> for an earlier change-set request.</summary>
public sealed record BatchOperation(HttpMethod Method, string Url, JsonObject? Body, IReadOnlyDictionary<string, string>? Headers, bool SafeToRetry)
{
    /// <summary>A create (POST); not safe to repeat.</summary>
    public static BatchOperation Create(string entitySet, JsonObject row) => new(HttpMethod.Post, ODataFilter.Column(entitySet), row, null, false);

    /// <summary>A keyed upsert (PATCH); safe to repeat unless create-only.</summary>
    public static BatchOperation Upsert(string entitySet, EntityKey key, JsonObject row, UpsertBehavior behavior = UpsertBehavior.CreateOrUpdate) =>
        new(HttpMethod.Patch, ODataFilter.Column(entitySet) + key.ToUrlSegment(), row, behavior switch
        {
            UpsertBehavior.CreateOnly => new Dictionary<string, string> { ["If-None-Match"] = "*" },
            UpsertBehavior.UpdateOnly => new Dictionary<string, string> { ["If-Match"] = "*" },
            _ => null,
        }, behavior != UpsertBehavior.CreateOnly);

    /// <summary>A delete; not safe to repeat (a second delete finds nothing).</summary>
    public static BatchOperation Delete(string entitySet, EntityKey key) => new(HttpMethod.Delete, ODataFilter.Column(entitySet) + key.ToUrlSegment(), null, null, false);
}

/// <summary>Requests that Dataverse runs atomically. Each gets a Content-ID; later ones can address it as <c>$n</c>.</summary>
public sealed class BatchChangeSet
{
    private readonly DataverseBatch _batch;
    private readonly List<BatchOperation> _operations = [];

    internal BatchChangeSet(DataverseBatch batch) => _batch = batch;

    internal IReadOnlyList<BatchOperation> Operations => _operations;

    /// <summary>Adds a request and returns its reference (<c>$1</c>, <c>$2</c>, … within this change set).</summary>
    public string Add(BatchOperation operation)
    {
        if (operation.Method == HttpMethod.Get) throw new InvalidOperationException("A change set cannot contain GET requests.");
        _batch.EnsureRoom(1);
        _operations.Add(operation);
        return "$" + _operations.Count;
    }
}
