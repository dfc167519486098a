using System.Net;
using Microsoft.AspNetCore.Http;

namespace SalesBridge.Emulator.Control;

/// <summary>The control endpoints change how an org behaves for everyone, so only the machine itself may call them.</summary>
public static class LoopbackOnly
{
    /// <summary>
    /// True for a loopback peer (IPv4, IPv6, or IPv4 mapped into IPv6). A null address means no network peer at
    /// all (an in-memory test server), which is allowed.
    /// </summary>
    public static bool Allows(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    public static ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Allows(context.HttpContext.Connection.RemoteIpAddress)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                "The emulator's control endpoints answer only requests from this machine (loopback).",
                statusCode: StatusCodes.Status403Forbidden, title: "Not a loopback caller"));
}
