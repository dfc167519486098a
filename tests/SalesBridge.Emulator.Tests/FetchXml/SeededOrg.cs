using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Tests.FetchXml;

/// <summary>
/// A real emulated org with one business unit and a user who holds a role, for driving the FetchXML and
/// metadata endpoints directly until the HTTP fixture exists. Requests run against a real HttpContext.
/// </summary>
public sealed class SeededOrg
{
    public const string ServiceRoot = "https://test.crm.dynamics.com/api/data/v9.2/";

    public SeededOrg(PrivilegeDepth readDepth = PrivilegeDepth.Global)
    {
        Org = new EmulatedOrg(new OrgSettings(), TimeProvider.System);
        BusinessUnitId = Guid.NewGuid();
        UserId = Guid.NewGuid();
        RoleId = Guid.NewGuid();
        Put("businessunit", BusinessUnitId, new() { ["name"] = "Root" });
        Put("systemuser", UserId, new() { ["fullname"] = "Test User", ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId) });
        Put("role", RoleId, new() { ["name"] = "Salesperson" });
        Org.Store.Write(scope => scope.Associate("systemuserroles_association", UserId, RoleId));
        foreach (var table in Org.Schema.Tables) Org.Security.Grant(RoleId, PrivilegeCatalog.Name(table, AccessRight.Read), readDepth);
        Caller = new Caller(UserId, BusinessUnitId);
    }

    public EmulatedOrg Org { get; }
    public Guid BusinessUnitId { get; }
    public Guid UserId { get; }
    public Guid RoleId { get; }
    public Caller Caller { get; }

    public EntityRow Put(string table, Guid id, Dictionary<string, object?> values)
    {
        return Org.Store.Write(scope =>
        {
            var row = new EntityRow(table, id, values) { Version = scope.NextVersion() };
            scope.Put(row);
            return row;
        });
    }

    /// <summary>Runs one request through <paramref name="handle"/> and returns its status and parsed JSON body.</summary>
    public async Task<Response> SendAsync(Func<DataverseRequest, Task> handle, string query = "", string? prefer = null, Caller? caller = null)
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(query);
        if (prefer is not null) http.Request.Headers["Prefer"] = prefer;
        var body = new MemoryStream();
        http.Response.Body = body;
        var request = new DataverseRequest(http, Org, caller ?? Caller, PreferHeader.Parse(http.Request), ServiceRoot);
        await handle(request);
        body.Position = 0;
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        return new Response(http.Response.StatusCode, json, http.Response.Headers);
    }

    public sealed record Response(int Status, JsonElement Body, IHeaderDictionary Headers)
    {
        public JsonElement[] Value => Body.GetProperty("value").EnumerateArray().ToArray();
    }
}
