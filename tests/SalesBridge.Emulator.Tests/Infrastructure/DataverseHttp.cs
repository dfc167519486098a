using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SalesBridge.Emulator.Tests.Infrastructure;

/// <summary>Small conveniences for Web API calls in tests: JSON bodies, Prefer headers, and reading errors.</summary>
public static class DataverseHttp
{
    public static HttpRequestMessage Json(HttpMethod method, string url, object? body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The Dataverse error of a failed response: (code, message).</summary>
    public static async Task<(string Code, string Message)> ErrorAsync(this HttpResponseMessage response)
    {
        var error = (await response.JsonAsync()).GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    /// <summary>Creates a row and returns its id, read from the OData-EntityId header.</summary>
    public static async Task<Guid> CreateAsync(this HttpClient client, string entitySet, object body)
    {
        var response = await client.SendAsync(Json(HttpMethod.Post, entitySet, body));
        if ((int)response.StatusCode != 204) throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return IdFromEntityUrl(response.Headers.GetValues("OData-EntityId").Single());
    }

    public static Guid IdFromEntityUrl(string url)
    {
        var open = url.LastIndexOf('(');
        return Guid.Parse(url[(open + 1)..^1]);
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, prefix.Length + 33)];
}
