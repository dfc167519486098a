using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using SalesBridge.Dataverse.Http;
using SalesBridge.Observability;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Observability;

internal static class ObservabilityRegistration
{
    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Health checks (liveness: the process answers; readiness: and its database does) and OpenTelemetry metrics with a
    /// Prometheus endpoint: SalesBridge's own meters (runs, rows, write-back, outbox), the Dataverse client's (CRM calls and
    /// 429s per org), and the runtime's.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<SalesBridgeDbContext>("database", tags: ["ready"]);
        builder.Services.AddHostedService<OutboxGauges>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SalesBridgeMetrics.MeterName, DataverseMetrics.MeterName)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>The endpoints, open without sign-in (they say nothing about customers beyond contract ids); bind them to an internal network in production.</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
