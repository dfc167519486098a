using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// The child emulator's control endpoints (<c>/_emulator/orgs/{urlName}/...</c>, see the emulator's ControlEndpoints):
/// its call counts per user, its fault plan and its service-protection limits.
/// </summary>
internal sealed class EmulatorControl : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorControl(ChildEmulator org)
    {
        var pinned = org.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented is not null && string.Equals(presented.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase),
        };
        // The child serves the default org of its world, under the emulator's default url name.
        _http = new HttpClient(handler) { BaseAddress = new Uri(new Uri(org.Facts.Url), $"_emulator/orgs/{new OrgSettings().UrlName}/") };
    }

    /// <summary>
    /// The org's counts since the last reset: httpRequests ($batch = 1), batchedRequests (its parts), requests, throttled,
    /// faulted. The total, not the integration user's: injected faults strike before the caller is known.
    /// </summary>
    public async Task<JsonObject> CallsAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonObject>("calls", cancellationToken))!["total"]!.AsObject().DeepClone().AsObject();

    public Task ResetCallsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, "calls", null, cancellationToken);

    public Task SetFaultsAsync(object plan, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, "faults", plan, cancellationToken);

    public async Task<JsonObject> FaultsAsync(CancellationToken cancellationToken) => (await _http.GetFromJsonAsync<JsonObject>("faults", cancellationToken))!;

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, "faults", null, cancellationToken);

    public async Task<JsonObject> LimitsAsync(CancellationToken cancellationToken) => (await _http.GetFromJsonAsync<JsonObject>("limits", cancellationToken))!;

    /// <summary>Changes the named limits (see the emulator's LimitsBody) and forgets every user's window.</summary>
    public async Task SetLimitsAsync(object limits, CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Put, "limits", limits, cancellationToken);
        await SendAsync(HttpMethod.Delete, "limits", null, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} on the emulator: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    public void Dispose() => _http.Dispose();
}
