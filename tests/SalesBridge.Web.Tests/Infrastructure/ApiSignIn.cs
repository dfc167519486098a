using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesBridge.Web.Tests.Infrastructure;

public static class ApiSignIn
{
    /// <summary>JSON as the API writes it: camelCase, enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Signs <paramref name="user"/> in through <c>POST /api/v1/auth/token</c> and returns a client that sends the token.</summary>
    public static async Task<HttpClient> ApiClientAsync(this WorkspaceHost host, TestUser user)
    {
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { email = user.Email, password = TestContracts.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
