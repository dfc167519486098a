using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace SalesBridge.Emulator.Control;

/// <summary>Reads control request bodies strictly, so a typo in a property name is a 400 and not a silent no-op.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body, or the reason it cannot be read.</summary>
    public static async Task<(T? Body, string? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null ? (null, "The body must be a JSON object.") : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid: {ex.Message}");
        }
    }

    public static IResult BadRequest(string problem) =>
        TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad control request");
}
