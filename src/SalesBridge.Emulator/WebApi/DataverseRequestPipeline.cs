using Microsoft.AspNetCore.Http;
using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Security;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// What every Web API request goes through: the OData and service headers, authentication, impersonation,
/// routing, and Dataverse's error shape for whatever fails. Requests inside a <c>$batch</c> enter at
/// <see cref="ExecuteAsync"/> with the batch's caller. Both pass the org's <see cref="TrafficGate"/>: injected
/// faults, service protection limits and call counts.
/// </summary>
public static class DataverseRequestPipeline
{
    /// <summary>The Web API versions a current online org answers to.</summary>
    private static readonly HashSet<string> Versions = ["v9.0", "v9.1", "v9.2"];

    public static Task HandleAsync(HttpContext http, EmulatedOrg org, string serviceRoot, string version, string rawPath)
    {
        WriteServiceHeaders(http, org);
        return AnswerFailuresAsync(http, async () =>
        {
            using var gate = TrafficGate.Enter(http, org, rawPath);
            if (await gate.InterceptAsync()) return;
            if (!Versions.Contains(version)) throw DataverseErrors.UnknownSegment(version);
            var caller = await RequestAuthenticator.AuthenticateAsync(http, org);
            if (caller is null) return;
            await gate.AdmitAsync(caller);
            await RouteAsync(http, org, Impersonation.Apply(http.Request, org, caller), serviceRoot, rawPath);
        });
    }

    /// <summary>
    /// Runs one request of a batch: <paramref name="http"/> is the part's own context, the caller is the batch's
    /// (impersonation headers of the part apply on top). Failures become the part's response.
    /// </summary>
    public static Task ExecuteAsync(HttpContext http, EmulatedOrg org, Caller caller, string serviceRoot, string rawPath) =>
        AnswerFailuresAsync(http, async () =>
        {
            using var gate = TrafficGate.Enter(http, org, rawPath, batchPart: true);
            if (await gate.InterceptAsync()) return;
            await gate.AdmitAsync(caller);
            await RouteAsync(http, org, Impersonation.Apply(http.Request, org, caller), serviceRoot, rawPath);
        });

    /// <summary>Whatever fails before the response starts is answered in Dataverse's error shape.</summary>
    private static async Task AnswerFailuresAsync(HttpContext http, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (DataverseFault fault) when (!http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(http, fault);
        }
        catch (Exception ex) when (!http.Response.HasStarted && ex is not OperationCanceledException)
        {
            await ErrorWriter.WriteAsync(http, Unexpected(ex));
        }
    }

    public static void WriteServiceHeaders(HttpContext http, EmulatedOrg org)
    {
        http.Response.Headers["OData-Version"] = "4.0";
        http.Response.Headers["x-ms-dop-hint"] = org.Settings.DegreeOfParallelismHint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["REQ_ID"] = Guid.NewGuid().ToString();
    }

    private static Task RouteAsync(HttpContext http, EmulatedOrg org, Caller caller, string serviceRoot, string rawPath)
    {
        var request = new DataverseRequest(http, org, caller, PreferHeader.Parse(http.Request), serviceRoot);
        return RequestRouter.RouteAsync(request, rawPath);
    }

    // Dataverse answers its own failures with 0x80040216 "An unexpected error occurred."; the emulator adds the
    // exception so that a bug in it is easy to find.
    private static DataverseFault Unexpected(Exception ex) =>
        new(500, "0x80040216", $"An unexpected error occurred. {ex.GetType().Name}: {ex.Message}");
}
