using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Serves <c>/api/data/v{version}/...</c>: every response carries <c>OData-Version</c>, <c>x-ms-dop-hint</c>
/// and a request id; every request is authenticated, then routed by its resource path.
/// </summary>
public static class WebApiEndpoint
{
    /// <summary>The Web API versions a current online org answers to.</summary>
    private static readonly HashSet<string> Versions = ["v9.0", "v9.1", "v9.2"];

    public static IEndpointRouteBuilder MapDataverseWebApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/api/data/{version}/{**path}", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, string version, string? path)
    {
        var orgs = http.RequestServices.GetRequiredService<OrgDirectory>();
        var org = orgs.Resolve(http);
        http.Response.Headers["OData-Version"] = "4.0";
        http.Response.Headers["x-ms-dop-hint"] = org.Settings.DegreeOfParallelismHint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["REQ_ID"] = Guid.NewGuid().ToString();
        try
        {
            if (!Versions.Contains(version)) throw DataverseErrors.UnknownSegment(version);
            var caller = await RequestAuthenticator.AuthenticateAsync(http, org);
            if (caller is null) return;
            var serviceRoot = $"{http.Request.Scheme}://{http.Request.Host}/api/data/{version}/";
            var request = new DataverseRequest(http, org, caller, PreferHeader.Parse(http.Request), serviceRoot);
            await RequestRouter.RouteAsync(request, RawPath(http, version));
        }
        catch (DataverseFault fault) when (!http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(http, fault);
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            // Dataverse answers its own failures with 0x80040216 "An unexpected error occurred."; the emulator adds
            // the exception so that a bug in it is easy to find.
            await ErrorWriter.WriteAsync(http, new DataverseFault(500, "0x80040216", $"An unexpected error occurred. {ex.GetType().Name}: {ex.Message}"));
        }
    }

    // The route value is already unescaped; keys may hold escaped quotes or slashes, so the raw path is parsed.
    private static string RawPath(HttpContext http, string version)
    {
        var raw = http.Request.Path.ToUriComponent();
        var prefix = $"/api/data/{version}/";
        return raw.Length > prefix.Length ? raw[prefix.Length..] : "";
    }
}
