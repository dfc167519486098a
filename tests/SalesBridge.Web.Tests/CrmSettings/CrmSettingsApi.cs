using System.Net.Http.Json;
using System.Text.Json;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmSettings;

/// <summary>Calls of <c>/api/v1/admin/crm/settings</c> that the tests share.</summary>
internal static class CrmSettingsApi
{
    public const string SettingsPath = "api/v1/admin/crm/settings";

    public static async Task<JsonElement> GetSettingsAsync(this HttpClient client)
    {
        var response = await client.GetAsync(SettingsPath);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The settings as read, changed by <paramref name="change"/>, as a PUT body.</summary>
    public static Dictionary<string, object?> Body(JsonElement settings, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["revision"] = settings.GetProperty("revision").GetGuid(),
            ["autoSyncAllSeats"] = settings.GetProperty("autoSyncAllSeats").GetBoolean(),
            ["pipelineStageColumn"] = settings.GetProperty("pipelineStageColumn").ValueKind == JsonValueKind.Null ? null : settings.GetProperty("pipelineStageColumn").GetString(),
            ["pipelineStageValue"] = settings.GetProperty("pipelineStageValue").ValueKind == JsonValueKind.Null ? null : settings.GetProperty("pipelineStageValue").GetInt32(),
            ["wonValueColumn"] = settings.GetProperty("wonValueColumn").ValueKind == JsonValueKind.Null ? null : settings.GetProperty("wonValueColumn").GetString(),
            ["writeBackEnabled"] = settings.GetProperty("writeBackEnabled").GetBoolean(),
            ["writeBackAllItems"] = settings.GetProperty("writeBackAllItems").GetBoolean(),
            ["writeBackInMails"] = settings.GetProperty("writeBackInMails").GetBoolean(),
            ["writeBackMessages"] = settings.GetProperty("writeBackMessages").GetBoolean(),
            ["writeBackNotes"] = settings.GetProperty("writeBackNotes").GetBoolean(),
            ["creator"] = settings.GetProperty("creator").GetString(),
        };
        change?.Invoke(body);
        return body;
    }

    public static Task<HttpResponseMessage> PutSettingsAsync(this HttpClient client, Dictionary<string, object?> body) =>
        client.PutAsJsonAsync(SettingsPath, body);

    public static IEnumerable<string> StageColumns(JsonElement settings) =>
        settings.GetProperty("choices").GetProperty("pipelineStageColumns").EnumerateArray().Select(c => c.GetProperty("column").GetString()!);

    public static IEnumerable<string> WonValueColumns(JsonElement settings) =>
        settings.GetProperty("choices").GetProperty("wonValueColumns").EnumerateArray().Select(c => c.GetProperty("column").GetString()!);

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
