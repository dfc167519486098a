using System.Net.Http.Headers;
using SalesBridge.Emulator.Hosting;

namespace SalesBridge.Benchmarks.Scenarios;

/// <summary>How the benchmarks reach an emulator: its integration user's token, and a bare HttpClient baseline.</summary>
public static class EmulatorTokens
{
    public static Task<string> IntegrationTokenAsync(EmulatorServer server, CancellationToken cancellationToken) =>
        server.IntegrationTokenAsync(cancellationToken);

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
