using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>Web API rows map to classes by their logical names (<c>accountid</c>, <c>_parentcustomerid_value</c>).</summary>
    private static readonly JsonSerializerOptions RowSerialization = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Like <see cref="QueryAsync(string, DataverseQuery, RequestOptions?, CancellationToken)"/>, each row deserialized into
    /// <typeparamref name="T"/> (properties matched to column names, case-insensitively, unless <paramref name="json"/> says otherwise).
    /// </summary>
    public virtual async IAsyncEnumerable<T> QueryAsync<T>(string entitySet, DataverseQuery query, JsonSerializerOptions? json = null,
        RequestOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in QueryAsync(entitySet, query, options, cancellationToken).ConfigureAwait(false))
        {
            yield return row.Deserialize<T>(json ?? RowSerialization)
                ?? throw new DataverseException($"A row of {entitySet} could not be read as {typeof(T).Name}.", null, null, row.ToJsonString());
        }
    }

    /// <summary>Like <see cref="RetrieveAsync(string, EntityKey, RetrieveOptions?, CancellationToken)"/>, deserialized into <typeparamref name="T"/>.</summary>
    public virtual async Task<T> RetrieveAsync<T>(string entitySet, EntityKey key, RetrieveOptions? options = null, JsonSerializerOptions? json = null,
        CancellationToken cancellationToken = default)
    {
        var row = await RetrieveAsync(entitySet, key, options, cancellationToken).ConfigureAwait(false);
        return row.Deserialize<T>(json ?? RowSerialization)
            ?? throw new DataverseException($"The row of {entitySet} could not be read as {typeof(T).Name}.", null, null, row.ToJsonString());
    }

    /// <summary>
    /// Creates a row whose primary key the caller chose. Because the id is known, the create is safe to repeat:
    /// it is retried after a 5xx or timeout, and a repeat that finds the row already created (a lost response to an
    /// earlier attempt) returns the id instead of failing.
    /// </summary>
    public virtual async Task<Guid> CreateWithIdAsync(string entitySet, string primaryIdColumn, Guid id, JsonObject row,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = (JsonObject)row.DeepClone();
        body[ODataFilter.Column(primaryIdColumn)] = id.ToString("D");
        try
        {
            return await CreateAsync(entitySet, body, (options ?? new RequestOptions()) with { SafeToRetry = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (DataversePreconditionFailedException duplicate) when (duplicate.ErrorCode == DuplicateRecord)
        {
            return id;
        }
    }

    /// <summary>DuplicateRecord: a row with this primary key exists.</summary>
    private const string DuplicateRecord = "0x80040237";
}
