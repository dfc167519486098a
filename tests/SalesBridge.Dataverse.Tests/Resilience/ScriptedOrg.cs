using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.Dataverse.Tests.Resilience;

/// <summary>
/// An org that answers from a script, behind the client's real pipeline (retries, authentication, pacing), so
/// failure sequences can be played exactly (the stripe-dotnet NetworkRetriesTest way).
/// </summary>
public sealed class ScriptedOrg : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<(HttpMethod Method, string Url, string? Body)> Received { get; } = [];

    public ScriptedOrg Then(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? "", Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(value);
                else response.Headers.TryAddWithoutValidation(name, value);
            }
            return response;
        });
        return this;
    }

    public ScriptedOrg ThenDropConnection()
    {
        _script.Enqueue(_ => throw new HttpRequestException("The connection was reset."));
        return this;
    }

    public static string Throttled(string code = "0x80072322") =>
        "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Number of requests exceeded the limit of 6000 over time window of 300 seconds.\"}}";

    public DataverseClient Client(Action<DataverseClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddDataverseClientFactory().ConfigurePrimaryHttpMessageHandler(() => this);
        var options = new DataverseClientOptions
        {
            OrganizationUrl = new Uri("https://contoso.crm.dynamics.com"), RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        configure?.Invoke(options);
        return services.BuildServiceProvider().GetRequiredService<DataverseClientFactory>().Create(options, new FixedTokenProvider("token"));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Received) Received.Add((request.Method, request.RequestUri!.ToString(), body));
        if (!_script.TryDequeue(out var next)) throw new InvalidOperationException($"The script has no answer for request {Received.Count}.");
        var response = next(request);
        response.RequestMessage = request;
        return response;
    }

    // The handler is shared by the pipeline's lifetime management; the test owns it.
    protected override void Dispose(bool disposing)
    {
    }
}
