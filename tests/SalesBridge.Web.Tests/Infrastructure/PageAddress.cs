using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>
/// Waits for the page's address to match (or stop matching) by polling it, never for a load event. Playwright's
/// WaitForURL waits for the load event whenever the address already matches when it is called — after a fast redirect,
/// or a form posting back to its own page — and in CI that event was lost now and then with the page loaded (15 s
/// timeouts in sign-in and in the notes panel on a loaded machine). The assertions after it wait for the content they need.
/// </summary>
public static class PageAddress
{
    public static Task WaitForAsync(this IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern, RegexOptions.IgnoreCase));

    public static Task WaitToLeaveAsync(this IPage page, string pattern) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(pattern, RegexOptions.IgnoreCase));
}
