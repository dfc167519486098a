using Microsoft.Playwright;

namespace SalesBridge.Web.Tests.Pages.Inbox;

/// <summary>Opens the person and company pages that host the notes and conversation panels.</summary>
internal static class HostPages
{
    public static Task<string> OpenPersonAsync(this IPage page, Guid personId) => OpenAsync(page, $"/People/{personId}");

    public static Task<string> OpenCompanyAsync(this IPage page, Guid companyId) => OpenAsync(page, $"/Companies/{companyId}");

    private static async Task<string> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull().Status.ShouldBe(200);
        return url;
    }
}
