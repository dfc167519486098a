using Microsoft.Extensions.Options;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Whether anything answers at the org's Web API, asked without a token: any HTTP answer (a 401 included) means
/// the org is reachable, so a sign-in problem is not mistaken for a network one and no token goes out before it.
/// </summary>
public sealed class ReachabilityProbe(IHttpClientFactory httpClients, TimeProvider time, IOptions<ConnectionCheckOptions> options)
{
    /// <summary>The HTTP client the probe sends with (no Dataverse pipeline, no token).</summary>
    public const string HttpClientName = "SalesBridge.CrmConnection.Probe";

    /// <summary>Why the org did not answer, or empty when it did.</summary>
    public async Task<string> ProbeAsync(Uri webApiUrl, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, webApiUrl);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return "";
        }
        catch (HttpRequestException ex)
        {
            return $"No answer from {webApiUrl.Host}: {Innermost(ex).Message}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"No answer from {webApiUrl.Host} within {options.Value.RequestTimeout.TotalSeconds:0} seconds.";
        }
    }

    // The socket or TLS error says more to an admin than "An error occurred while sending the request".
    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
