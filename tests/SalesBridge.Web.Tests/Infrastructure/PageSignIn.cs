using System.Net;
using System.Text.RegularExpressions;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>Signs in through the sign-in page like a browser (cookie, antiforgery token) for server-rendered page tests.</summary>
public static partial class PageSignIn
{
    /// <summary>A client that keeps the sign-in cookie and does not follow redirects, so tests see each PRG step.</summary>
    public static async Task<HttpClient> PageClientAsync(this WorkspaceHost host, TestUser user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        var response = await client.PostFormAsync("SignIn", new() { ["Input.Email"] = user.Email, ["Input.Password"] = TestContracts.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in through the page");
        return client;
    }

    /// <summary>Reads the form page at <paramref name="path"/> for its antiforgery token, then posts <paramref name="fields"/> to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields)
    {
        var formPage = path.Split('?')[0];
        var html = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
