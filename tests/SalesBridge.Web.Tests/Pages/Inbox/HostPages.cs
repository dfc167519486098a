using Microsoft.Playwright;

namespace SalesBridge.Web.Tests.Pages.Inbox;

/// <summary>
/// Opens the person and company pages that host the notes and conversation panels. They are meant to live at
/// <c>/People/{id}</c> and <c>/Companies/{id}</c>; while the pages answer at <c>/…/Details/{id}</c> (their route
/// template is relative), that address is used instead, so these tests do not depend on which one is current.
/// </summary>
internal static class HostPages
{
    public static Task<string> OpenPersonAsync(this IPage page, Guid personId) => OpenAsync(page, "People", personId);

    public static Task<string> OpenCompanyAsync(this IPage page, Guid companyId) => OpenAsync(page, "Companies", companyId);

    private static async Task<string> OpenAsync(IPage page, string folder, Guid id)
    {
        foreach (var url in new[] { $"/{folder}/{id}", $"/{folder}/Details/{id}" })
        {
            var response = await page.GotoAsync(url);
            if (response is { Status: 200 })
            {
                return url;
            }
        }

        throw new InvalidOperationException($"Neither /{folder}/{id} nor /{folder}/Details/{id} answers.");
    }
}
