using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SalesBridge.CrmConnection;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>Carries a passed check's report across the redirect to CRM Settings (PRG), so its warnings stay visible there.</summary>
internal static class CrmCheckReportTempData
{
    private const string Key = "CrmCheckReport";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Keep(this ITempDataDictionary tempData, ConnectionCheckReport report) => tempData[Key] = JsonSerializer.Serialize(report, Json);

    public static ConnectionCheckReport? TakeCheckReport(this ITempDataDictionary tempData) =>
        tempData[Key] is string json ? JsonSerializer.Deserialize<ConnectionCheckReport>(json, Json) : null;
}
