using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace SalesBridge.Dataverse.Http;

/// <summary>
/// Retries within Dataverse's service-protection rules: a 429 waits the whole <c>Retry-After</c> and is always
/// repeated (Dataverse refuses it before executing anything); 5xx answers, dropped connections and timeouts are
/// repeated only for requests marked safe (reads, keyed upserts, creates with a client-chosen id), with
/// exponential backoff from 2 s. Each attempt has its own timeout.
/// </summary>
internal static class DataverseResilience
{
    /// <summary>The pipeline's own upper bound; each org's <see cref="DataverseClientOptions.MaxRetries"/> stops earlier.</summary>
    private const int RetryCeiling = 20;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = RetryCeiling,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(2),
            UseJitter = true,
            MaxDelay = TimeSpan.FromMinutes(5),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.AttemptNumber, args.Outcome)),
            OnRetry = args =>
            {
                if (args.Context.GetRequestMessage() is { } request) DataverseConnection.Of(request).Calls.CountRetry();
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.GetRequestMessage() is { } request ? DataverseConnection.Of(request).Options.AttemptTimeout : TimeSpan.FromMinutes(2)),
        });
    }

    private static bool ShouldRetry(ResilienceContext context, int attempt, Outcome<HttpResponseMessage> outcome)
    {
        if (context.GetRequestMessage() is not { } request) return false;
        var connection = DataverseConnection.Of(request);
        if (attempt >= connection.Options.MaxRetries) return false;
        var safe = DataverseConnection.IsSafeToRetry(request);
        if (outcome.Exception is not null)
        {
            return safe && outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }
        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // A wait longer than the caller allows is not worth holding the request for: fail as throttled instead.
            return (DataverseErrorReader.RetryAfter(response) ?? TimeSpan.Zero) <= connection.Options.MaxRetryDelay;
        }
        return safe && response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }
}
