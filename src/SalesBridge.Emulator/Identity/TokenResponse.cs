using System.Text.Json.Serialization;

namespace SalesBridge.Emulator.Identity;

/// <summary>A successful token response, with the field names Entra (and MSAL) use.</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = "Bearer";

    [JsonPropertyName("scope")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    /// <summary>Entra's extended lifetime for outages; the emulator never has one, so it equals expires_in.</summary>
    [JsonPropertyName("ext_expires_in")]
    public int ExtExpiresIn => ExpiresIn;

    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("id_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdToken { get; init; }

    /// <summary>MSAL builds its account cache key from this (uid = object id, utid = tenant id).</summary>
    [JsonPropertyName("client_info")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientInfo { get; init; }

    public IResult ToResult(HttpContext context)
    {
        EntraError.NoStore(context);
        return TypedResults.Json(this);
    }
}
