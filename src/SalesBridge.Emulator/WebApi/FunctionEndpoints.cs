using System.Text.Json;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.WebApi;

/// <summary>The functions SalesBridge calls: WhoAmI, RetrieveVersion, RetrieveCurrentOrganization, RetrieveUserPrivileges.</summary>
public static class FunctionEndpoints
{
    private const string RetrieveUserPrivileges = "Microsoft.Dynamics.CRM.RetrieveUserPrivileges";

    /// <summary>OrganizationType values as the Web API names them (the enum is serialized by name).</summary>
    private static readonly string[] OrganizationTypes =
    [
        "Customer", "Monitoring", "Support", "BackEnd", "Secondary", "CustomerTest", "CustomerFreeTest", "CustomerPreview",
        "Placeholder", "TestDrive", "MsftInvestigation", "EmailTrial", "Default", "Developer", "Trial", "Teams", "Platform",
    ];

    public static bool IsUnboundFunction(string name) => name is "WhoAmI" or "RetrieveVersion" or "RetrieveCurrentOrganization";

    public static bool IsBoundFunction(string name) => name is RetrieveUserPrivileges or "RetrieveUserPrivileges";

    public static Task WriteUnboundAsync(DataverseRequest request, PathSegment function)
    {
        if (function.Parameters is null) throw DataverseErrors.UnknownSegment(function.Name);
        return function.Name switch
        {
            "WhoAmI" => WriteAsync(request, "WhoAmIResponse", w =>
            {
                w.WriteString("BusinessUnitId", request.Caller.BusinessUnitId);
                w.WriteString("UserId", request.Caller.UserId);
                w.WriteString("OrganizationId", request.Org.Settings.OrganizationId);
            }),
            "RetrieveVersion" => WriteAsync(request, "RetrieveVersionResponse", w => w.WriteString("Version", request.Org.Settings.Version)),
            _ => WriteCurrentOrganizationAsync(request, function),
        };
    }

    public static Task WriteBoundAsync(DataverseRequest request, TableDefinition table, KeyParameters key, string keyText, PathSegment function)
    {
        if (table.LogicalName != "systemuser" || function.Name != RetrieveUserPrivileges || function.Parameters is null)
        {
            throw DataverseErrors.UnknownSegment(function.Name);
        }
        var user = RowLocator.Find(request.Org.Store, table, key, keyText);
        var businessUnit = user.Reference("businessunitid")?.Id ?? request.Org.RootBusinessUnitId;
        var privileges = request.Org.Security.EffectivePrivileges(user.Id);
        return WriteAsync(request, "RetrieveUserPrivilegesResponse", w =>
        {
            w.WriteStartArray("RolePrivileges");
            foreach (var (name, depth) in privileges.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("Depth", depth.ToString());
                w.WriteString("PrivilegeId", PrivilegeCatalog.IdOf(name));
                w.WriteString("BusinessUnitId", businessUnit);
                w.WriteString("PrivilegeName", name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static Task WriteCurrentOrganizationAsync(DataverseRequest request, PathSegment function)
    {
        var parameters = ResourcePath.ParseParameters(function.Parameters!).Named;
        var accessType = parameters.TryGetValue("AccessType", out var raw) && raw.StartsWith('@')
            ? request.Query[raw].ToString()
            : raw;
        if (string.IsNullOrEmpty(accessType) || !accessType.Contains("EndpointAccessType'", StringComparison.Ordinal))
        {
            throw DataverseErrors.BadRequest("The parameter 'AccessType' of RetrieveCurrentOrganization must be a Microsoft.Dynamics.CRM.EndpointAccessType value.",
                DataverseErrors.QueryParseError);
        }
        var settings = request.Org.Settings;
        var root = $"{request.Http.Request.Scheme}://{request.Http.Request.Host}";
        return WriteAsync(request, "RetrieveCurrentOrganizationResponse", w =>
        {
            w.WriteStartObject("Detail");
            w.WriteString("OrganizationId", settings.OrganizationId);
            w.WriteString("FriendlyName", settings.FriendlyName);
            w.WriteString("OrganizationVersion", settings.Version);
            w.WriteString("EnvironmentId", settings.EnvironmentId.ToString());
            w.WriteString("DatacenterId", Guid.Empty);
            w.WriteString("Geo", settings.Geo);
            w.WriteString("TenantId", settings.TenantId.ToString());
            w.WriteString("UrlName", settings.UrlName);
            w.WriteString("UniqueName", settings.UniqueName);
            w.WriteString("State", "Enabled");
            w.WriteString("OrganizationType", settings.OrganizationType >= 0 && settings.OrganizationType < OrganizationTypes.Length
                ? OrganizationTypes[settings.OrganizationType] : settings.OrganizationType.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartObject("Endpoints");
            w.WriteNumber("Count", 3);
            w.WriteBoolean("IsReadOnly", false);
            w.WriteStartArray("Keys");
            w.WriteStringValue("WebApplication"); w.WriteStringValue("OrganizationService"); w.WriteStringValue("OrganizationDataService");
            w.WriteEndArray();
            w.WriteStartArray("Values");
            w.WriteStringValue(root + "/");
            w.WriteStringValue(root + "/XRMServices/2011/Organization.svc");
            w.WriteStringValue(root + "/XRMServices/2011/OrganizationData.svc");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static Task WriteAsync(DataverseRequest request, string responseType, Action<Utf8JsonWriter> members) =>
        request.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{request.MetadataUrl}#Microsoft.Dynamics.CRM.{responseType}");
            members(w);
            w.WriteEndObject();
        });
}
