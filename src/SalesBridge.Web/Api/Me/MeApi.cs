using SalesBridge.Access;
using SalesBridge.Users;

namespace SalesBridge.Web.Api.Me;

/// <summary>The signed-in user's own profile: what the apps show and which features they offer (seat, admin).</summary>
internal static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (Caller caller, GetMyProfile get, CancellationToken cancellationToken) => get.HandleAsync(caller, cancellationToken))
            .WithTags("Me")
            .WithSummary("Who is signed in: email, name, contract, admin right and whether they hold a seat.");
    }
}
