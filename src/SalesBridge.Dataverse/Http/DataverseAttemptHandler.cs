using System.Globalization;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// The innermost step of every attempt: waits for a parallelism slot, counts the call, and feeds the answer
/// (429s and <c>x-ms-dop-hint</c>) back into the org's adaptive parallelism.
/// </summary>
internal sealed class DataverseAttemptHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connection = DataverseConnection.Of(request);
        using var slot = await connection.Concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
        connection.Calls.CountRequest();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 429) connection.Calls.CountThrottled();
        DataverseMetrics.Sent(response, connection.Options.OrganizationUrl);
        connection.Concurrency.Observe((int)response.StatusCode, DegreeOfParallelismHint(response));
        return response;
    }

    private static int? DegreeOfParallelismHint(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-dop-hint", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hint)
            ? hint
            : null;
}
