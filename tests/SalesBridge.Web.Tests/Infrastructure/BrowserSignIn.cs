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
        // Signed in once the redirect away from the sign-in page commits (the cookie came with the POST's answer).
        // Waiting for the next page's load event as well timed out now and then in CI with the page loaded: the event
        // was lost, as other browser tests here found.
        await page.WaitForURLAsync(url => !url.Contains("/SignIn", StringComparison.OrdinalIgnoreCase),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }
}
