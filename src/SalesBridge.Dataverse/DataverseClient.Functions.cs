using System.Text.Json.Nodes;

namespace SalesBridge.Dataverse;

public partial class DataverseClient
{
    /// <summary>Who the token (or the impersonated user) is in this org.</summary>
    public virtual async Task<WhoAmIResult> WhoAmIAsync(RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, "WhoAmI()", options, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return new WhoAmIResult(GuidOf(body, "UserId"), GuidOf(body, "BusinessUnitId"), GuidOf(body, "OrganizationId"));
    }

    /// <summary>The org's version, e.g. <c>9.2.24044.00150</c>.</summary>
    public virtual async Task<string> RetrieveVersionAsync(CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, "RetrieveVersion()", null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return body["Version"]?.GetValue<string>() ?? throw Missing("Version", body);
    }

    /// <summary>What the org says about itself: ids, names, version, type (production or sandbox), tenant.</summary>
    public virtual async Task<OrganizationDetail> RetrieveCurrentOrganizationAsync(CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get,
            "RetrieveCurrentOrganization(AccessType=@p)?@p=Microsoft.Dynamics.CRM.EndpointAccessType'Default'", null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        var detail = body["Detail"] as JsonObject ?? throw Missing("Detail", body);
        return new OrganizationDetail(
            GuidOf(detail, "OrganizationId"), Text(detail, "FriendlyName"), Text(detail, "UniqueName"), Text(detail, "UrlName"),
            Text(detail, "OrganizationVersion"), Text(detail, "OrganizationType"), Text(detail, "TenantId"), Text(detail, "EnvironmentId"),
            Text(detail, "Geo"), Text(detail, "State"));
    }

    /// <summary>The privileges a user holds through their roles, with depth.</summary>
    public virtual async Task<IReadOnlyList<RolePrivilege>> RetrieveUserPrivilegesAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, $"systemusers({userId:D})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()", null, safeToRetry: true);
        var body = await SendForObjectAsync(request, cancellationToken).ConfigureAwait(false);
        return (body["RolePrivileges"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Select(p => new RolePrivilege(Text(p, "PrivilegeName"), GuidOf(p, "PrivilegeId"), Text(p, "Depth"), GuidOf(p, "BusinessUnitId")))
            .ToArray();
    }

    private static Guid GuidOf(JsonObject body, string name) =>
        Guid.TryParse(body[name]?.GetValue<string>(), out var id) ? id : throw Missing(name, body);

    private static string Text(JsonObject body, string name) => body[name]?.ToString() ?? "";

    private static DataverseException Missing(string name, JsonObject body) =>
        new($"Dataverse's answer has no '{name}'.", null, null, body.ToJsonString());
}

/// <summary>The answer of <c>WhoAmI</c>.</summary>
public sealed record WhoAmIResult(Guid UserId, Guid BusinessUnitId, Guid OrganizationId);

/// <summary>The <c>Detail</c> of <c>RetrieveCurrentOrganization</c>.</summary>
public sealed record OrganizationDetail(Guid OrganizationId, string FriendlyName, string UniqueName, string UrlName, string Version,
    string OrganizationType, string TenantId, string EnvironmentId, string Geo, string State)
{
    /// <summary>Sandbox-like orgs (CustomerTest, CustomerFreeTest): SalesBridge accepts them and labels them "Sandbox".</summary>
    public bool IsSandbox => OrganizationType is "CustomerTest" or "CustomerFreeTest" or "5" or "6";
}

/// <summary>One privilege a user holds, with its depth (Basic, Local, Deep, Global).</summary>
public sealed record RolePrivilege(string PrivilegeName, Guid PrivilegeId, string Depth, Guid BusinessUnitId);
