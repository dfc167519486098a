using System.Text;
using System.Text.Encodings.Web;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The HTML the authorize endpoint renders: a plain, accessible sign-in form, an error page, and the
/// self-submitting form of <c>response_mode=form_post</c>. Everything echoed is HTML-encoded.
/// </summary>
internal static class SignInPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Form(string action, AuthorizeRequest request, string? userName, EntraError? error)
    {
        var body = new StringBuilder();
        body.Append("<h1>Sign in</h1>\n");
        if (error is not null)
        {
            body.Append("<p id=\"signin-error\" role=\"alert\">").Append(Html.Encode(error.Description)).Append("</p>\n");
        }

        var describedBy = error is null ? "" : " aria-describedby=\"signin-error\"";
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append("\">\n");
        foreach (var (name, value) in request.HiddenFields())
        {
            AppendHidden(body, name, value);
        }

        body.Append("<p><label for=\"username\">Email, phone, or Skype</label><br>\n")
            .Append("<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\"")
            .Append(Html.Encode(userName ?? request.LoginHint ?? "")).Append('"').Append(describedBy).Append("></p>\n")
            .Append("<p><label for=\"password\">Password</label><br>\n")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
            .Append(describedBy).Append("></p>\n")
            .Append("<p><button type=\"submit\">Sign in</button></p>\n</form>\n");
        return Page("Sign in to your account", body.ToString(), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Entra shows such errors on its own page; the status it uses there is not documented, and 400 lets
    /// tests and scripts tell the page from a sign-in form.
    /// </summary>
    public static IResult Error(EntraError error) =>
        Page("Sign in error", $"<h1>Sorry, but we're having trouble signing you in.</h1>\n<p role=\"alert\">{Html.Encode(error.Description)}</p>\n", StatusCodes.Status400BadRequest);

    public static IResult FormPost(string redirectUri, IReadOnlyDictionary<string, string?> fields)
    {
        var body = new StringBuilder("<form method=\"post\" action=\"").Append(Html.Encode(redirectUri)).Append("\">\n");
        foreach (var (name, value) in fields)
        {
            AppendHidden(body, name, value ?? "");
        }

        // Without script the user presses the button; with it the form goes on its own, as on Entra.
        body.Append("<noscript><p>Script is disabled. Press Continue to return to the application.</p>")
            .Append("<button type=\"submit\">Continue</button></noscript>\n</form>\n")
            .Append("<script>document.forms[0].submit();</script>\n");
        return Page("Working...", body.ToString(), StatusCodes.Status200OK);
    }

    private static void AppendHidden(StringBuilder body, string name, string value) =>
        body.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">\n");

    private static IResult Page(string title, string main, int statusCode) => TypedResults.Content(
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{Html.Encode(title)}</title>\n</head>\n<body>\n<main>\n{main}</main>\n</body>\n</html>\n",
        "text/html; charset=utf-8",
        Encoding.UTF8,
        statusCode);
}
