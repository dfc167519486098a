using System.Text.Json;

namespace SalesBridge.Emulator.Hosting;

/// <summary>
/// Gets a token from a running emulator the way a script does (client credentials over its own token
/// endpoint), for tests and benchmarks that need a signed-in caller without a browser.
/// </summary>
public static class EmulatorTokenRequests
{
    /// <summary>A token for the demo world's integration (application) user.</summary>
    public static Task<string> IntegrationTokenAsync(this EmulatorServer server, CancellationToken cancellationToken = default) =>
        server.ClientCredentialsTokenAsync(server.World.Spec.IntegrationClientId.ToString(), server.World.Spec.IntegrationClientSecret, cancellationToken);

    /// <summary>A client-credentials token for any application user of the emulator's orgs; throws with Entra's error when refused.</summary>
    public static async Task<string> ClientCredentialsTokenAsync(this EmulatorServer server, string clientId, string secret,
        CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            ["scope"] = server.BaseUri.ToString().TrimEnd('/') + "/.default",
        }), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
