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
        await page.WaitForURLAsync(url => !url.Contains("/SignIn", StringComparison.OrdinalIgnoreCase));
        return page;
    }
}
