using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>Creates a row and returns its id (from <c>OData-EntityId</c>). Lookups are set with <c>nav@odata.bind</c>.</summary>
    /// <remarks>Not repeated after a 5xx or timeout unless <see cref="RequestOptions.SafeToRetry"/> says the body sets the primary key.</remarks>
    public virtual async Task<Guid> CreateAsync(string entitySet, JsonObject row, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post, EntitySet(entitySet), options, safeToRetry: false);
        request.Content = Json(row);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return IdFromEntityIdHeader(response);
    }

    /// <summary>Reads one row by primary or alternate key. Throws <see cref="DataverseNotFoundException"/> when it does not exist.</summary>
    public virtual Task<JsonObject> RetrieveAsync(string entitySet, EntityKey key, RetrieveOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (options?.Select is { Count: > 0 } select) query.Add("$select=" + string.Join(",", select.Select(ODataFilter.Column)));
        if (options?.Expand is { } expand) query.Add("$expand=" + Uri.EscapeDataString(expand));
        var request = NewRequest(HttpMethod.Get, EntitySet(entitySet) + key.ToUrlSegment() + (query.Count > 0 ? "?" + string.Join("&", query) : ""), options, safeToRetry: true);
        if (options?.IncludeAnnotations is { } annotations) request.Headers.Add("Prefer", $"odata.include-annotations=\"{annotations}\"");
        return SendAndDisposeAsync(request, cancellationToken);
    }

    /// <summary>Updates an existing row; with <paramref name="ifMatch"/> only if it is still at that version (else 412).</summary>
    public virtual async Task UpdateAsync(string entitySet, EntityKey key, JsonObject changes, string? ifMatch = null,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // If-Match: * makes PATCH update-only; a specific ETag makes a repeat fail after a success, so it is not retried.
        using var request = NewRequest(HttpMethod.Patch, EntitySet(entitySet) + key.ToUrlSegment(), options, safeToRetry: ifMatch is null);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch ?? "*");
        request.Content = Json(changes);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates or updates the row at <paramref name="key"/> (an id or an alternate key) and returns its id. Keyed
    /// upserts are idempotent, so they are retried safely; create-only upserts are not.
    /// </summary>
    public virtual async Task<Guid> UpsertAsync(string entitySet, EntityKey key, JsonObject row, UpsertBehavior behavior = UpsertBehavior.CreateOrUpdate,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Patch, EntitySet(entitySet) + key.ToUrlSegment(), options, safeToRetry: behavior != UpsertBehavior.CreateOnly);
        if (behavior == UpsertBehavior.CreateOnly) request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        if (behavior == UpsertBehavior.UpdateOnly) request.Headers.TryAddWithoutValidation("If-Match", "*");
        request.Content = Json(row);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return IdFromEntityIdHeader(response);
    }

    /// <summary>Deletes a row; with <paramref name="ifMatch"/> only if it is still at that version.</summary>
    public virtual async Task DeleteAsync(string entitySet, EntityKey key, string? ifMatch = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Delete, EntitySet(entitySet) + key.ToUrlSegment(), options, safeToRetry: false);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Links <paramref name="targetSet"/>(<paramref name="targetKey"/>) to the row through a navigation property (<c>$ref</c>).</summary>
    public virtual async Task AssociateAsync(string entitySet, EntityKey key, string navigationProperty, string targetSet, EntityKey targetKey,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Post, $"{EntitySet(entitySet)}{key.ToUrlSegment()}/{ODataFilter.Column(navigationProperty)}/$ref", options, safeToRetry: false);
        request.Content = Json(new JsonObject { ["@odata.id"] = RowUrl(targetSet, targetKey).ToString() });
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the link made by <see cref="AssociateAsync"/>.</summary>
    public virtual async Task DisassociateAsync(string entitySet, EntityKey key, string navigationProperty, string targetSet, EntityKey targetKey,
        RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var url = $"{EntitySet(entitySet)}{key.ToUrlSegment()}/{ODataFilter.Column(navigationProperty)}/$ref?$id={Uri.EscapeDataString(RowUrl(targetSet, targetKey).ToString())}";
        using var request = NewRequest(HttpMethod.Delete, url, options, safeToRetry: true);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAndDisposeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request) return await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
