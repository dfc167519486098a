using SalesBridge.Web.Api.Admin;
using SalesBridge.Web.Api.Admin.Crm;
using SalesBridge.Web.Api.Auth;
using SalesBridge.Web.Api.Conversations;
using SalesBridge.Web.Api.CrmMatches;
using SalesBridge.Web.Api.Me;
using SalesBridge.Web.Api.Notes;
using SalesBridge.Web.Api.PeopleDirectory;
using SalesBridge.Web.Api.WriteBack;
using SalesBridge.Web.Identity;

namespace SalesBridge.Web.Api;

/// <summary>
/// The REST API at <c>/api/v1</c>: everything a seat holder and an admin can do in the pages (SPEC S20), with
/// bearer tokens, ProblemDetails errors and an OpenAPI document at <c>/api/v1/openapi.json</c>.
/// </summary>
internal static class ApiV1
{
    public const string BasePath = "/api/v1";

    public static IServiceCollection AddApiV1(this IServiceCollection services)
    {
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>());
        // A body that cannot be read reaches RefusedRequestHandler, which says why, in every environment.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication MapApiV1(this WebApplication app)
    {
        app.MapOpenApi(BasePath + "/openapi.json").AllowAnonymous();
        var root = app.MapGroup(BasePath);
        root.MapAuthApi();

        var api = root.MapGroup("").RequireAuthorization(IdentitySetup.ApiPolicy);
        api.MapDirectoryApi();
        api.MapMeApi();
        api.MapAdminApi();
        api.MapCrmConnectionApi();
        api.MapCrmSettingsApi();
        api.MapCrmHealthApi();
        api.MapCrmDisconnectApi();
        api.MapCrmSeatsApi();
        api.MapCrmSyncApi();
        api.MapCrmSyncPreviewApi();
        api.MapNotesApi();
        api.MapConversationsApi();
        api.MapSavedItemsApi();
        api.MapCrmMatchesApi();
        api.MapPersonMatchApi();
        api.MapWriteBackApi();
        return app;
    }
}
