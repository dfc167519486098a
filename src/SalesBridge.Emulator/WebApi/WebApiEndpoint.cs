using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Serves <c>/api/data/v{version}/...</c> for the org the host name names (or the default org), and
/// <c>/{org}/api/data/v{version}/...</c> for any org of this process by its URL name.
/// </summary>
public static class WebApiEndpoint
{
    public static IEndpointRouteBuilder MapDataverseWebApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/data/{version}/{**path}", (HttpContext http, string version) =>
            HandleAsync(http, http.RequestServices.GetRequiredService<OrgDirectory>().ByHost(http.Request.Host.Host), "", version));
        endpoints.Map("/{org}/api/data/{version}/{**path}", (HttpContext http, string org, string version) =>
            HandleAsync(http, http.RequestServices.GetRequiredService<OrgDirectory>().Find(org), "/" + org, version));
        return endpoints;
    }

    private static Task HandleAsync(HttpContext http, Org.EmulatedOrg? org, string prefix, string version)
    {
        if (org is null)
        {
            // No such org: Dataverse's front door answers an unknown org name with 404.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        var serviceRoot = $"{http.Request.Scheme}://{http.Request.Host}{prefix}/api/data/{version}/";
        var raw = http.Request.Path.ToUriComponent();
        var marker = $"/api/data/{version}/";
        var start = raw.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return DataverseRequestPipeline.HandleAsync(http, org, serviceRoot, version, start <= raw.Length ? raw[start..] : "");
    }
}
