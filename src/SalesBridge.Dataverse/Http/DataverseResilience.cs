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
            // The delay is computed per org below (Retry-After first), so the built-in Retry-After handling is off.
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Context, args.AttemptNumber, args.Outcome)),
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

    /// <summary>The whole Retry-After when the org sent one; otherwise 2^n times the org's base delay, with jitter.</summary>
    private static TimeSpan Delay(ResilienceContext context, int attempt, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response && DataverseErrorReader.RetryAfter(response) is { } retryAfter)
        {
            var wait = retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
            if (context.GetRequestMessage() is { } throttled) DataverseConnection.Of(throttled).Calls.CountWait(wait);
            return wait;
        }
        var baseDelay = context.GetRequestMessage() is { } request ? DataverseConnection.Of(request).Options.RetryBaseDelay : TimeSpan.FromSeconds(2);
        var exponential = baseDelay * Math.Pow(2, attempt);
        return exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
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
