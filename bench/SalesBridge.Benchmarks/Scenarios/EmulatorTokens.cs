using System.Net.Http.Headers;
using System.Text.Json;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>Signs the benchmarks in to an emulator as its integration user (client credentials).</summary>
public static class EmulatorTokens
{
    public static async Task<string> IntegrationTokenAsync(EmulatorServer server, CancellationToken cancellationToken)
    {
        using var auth = new HttpClient();
        var spec = server.World.Spec;
        using var token = await auth.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = spec.IntegrationClientId.ToString(),
            ["client_secret"] = spec.IntegrationClientSecret, ["scope"] = server.BaseUri.ToString().TrimEnd('/') + "/.default",
        }), cancellationToken);
        token.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A bare HttpClient with Dataverse's usual headers (pages of 5,000 when reading): the baseline the client is compared with.</summary>
    public static HttpClient BareClient(EmulatorServer server, string accessToken)
    {
        var client = new HttpClient { BaseAddress = server.WebApiUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        client.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=5000");
        return client;
    }
}
