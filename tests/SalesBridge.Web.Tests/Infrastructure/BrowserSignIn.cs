using Microsoft.Playwright;

namespace SalesBridge.Web.Tests.Infrastructure;

public static class BrowserSignIn
{
    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task<IPage> SignInAsync(this IBrowserContext context, TestUser user)
    {
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/SignIn");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(TestContracts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the address leaves the sign-in page (the cookie came with the POST's answer); no load event
        // awaited (PageAddress says why).
        await page.WaitToLeaveAsync("/SignIn");
        return page;
    }
}
