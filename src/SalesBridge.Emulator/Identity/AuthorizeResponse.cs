using Microsoft.AspNetCore.WebUtilities;

namespace SalesBridge.Emulator.Identity;

/// <summary>Sends a result (a code or an error) back to a validated redirect URI in the requested response mode.</summary>
internal static class AuthorizeResponse
{
    public static IResult Send(string redirectUri, string responseMode, Dictionary<string, string?> parameters) => responseMode switch
    {
        "form_post" => SignInPage.FormPost(redirectUri, parameters),
        "fragment" => TypedResults.Redirect($"{redirectUri}#{QueryHelpers.AddQueryString("", parameters).TrimStart('?')}"),
        _ => TypedResults.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters)),
    };

    public static IResult Code(string redirectUri, string responseMode, string code, string? state)
    {
        var parameters = new Dictionary<string, string?> { ["code"] = code };
        if (!string.IsNullOrEmpty(state))
        {
            parameters["state"] = state;
        }

        return Send(redirectUri, responseMode, parameters);
    }
}
