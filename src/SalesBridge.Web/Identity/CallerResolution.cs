using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SalesBridge.Access;

namespace SalesBridge.Web.Identity;

/// <summary>
/// Reads who the signed-in user is now: their contract, whether they still have a seat and admin rights. A user
/// who was deleted after signing in is signed out (pages) or refused (API).
/// </summary>
internal sealed class CallerResolution(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerContext callers, CallerLookup lookup)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            callers.Current = await lookup.FindAsync(userId, context.RequestAborted);
            if (callers.Current is null)
            {
                if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/SignIn");
                return;
            }
        }

        await next(context);
    }
}
