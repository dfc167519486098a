using System.Net;
using System.Net.Http.Headers;
using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// Puts the org's bearer token on every attempt; on a 401 it asks the token provider for a fresh token and
/// sends once more (a token can expire or be revoked between being cached and being used).
/// </summary>
internal sealed class DataverseAuthenticationHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connection = DataverseConnection.Of(request);
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        await AuthorizeAsync(request, connection, forceRefresh: false, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        await AuthorizeAsync(request, connection, forceRefresh: true, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task AuthorizeAsync(HttpRequestMessage request, DataverseConnection connection, bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = await connection.Tokens.GetTokenAsync(new TokenRequest(connection.Options.Resource, forceRefresh), cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }
}
