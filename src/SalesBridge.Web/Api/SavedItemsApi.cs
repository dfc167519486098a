using SalesBridge.Web.Api.Accounts;
using SalesBridge.Web.Api.Leads;
using SalesBridge.Web.Api.Lists;

namespace SalesBridge.Web.Api;

/// <summary>Saved leads, saved accounts and the lists they are on: registered together, as one line of <see cref="ApiV1"/>.</summary>
internal static class SavedItemsApi
{
    public static void MapSavedItemsApi(this RouteGroupBuilder api)
    {
        api.MapLeadsApi();
        api.MapAccountsApi();
        api.MapListsApi();
    }
}
