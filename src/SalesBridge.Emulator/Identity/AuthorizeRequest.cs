using Microsoft.Extensions.Primitives;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The parameters of <c>/oauth2/v2.0/authorize</c>. The sign-in page carries them in hidden fields, so the
/// POST is checked exactly like the GET was: nothing the browser sends back is trusted.
/// </summary>
internal sealed record AuthorizeRequest(
    string? ClientId,
    string? ResponseType,
    string? RedirectUri,
    string? Scope,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? Prompt,
    string? LoginHint,
    string? ResponseMode)
{
    public static AuthorizeRequest Read(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var values = parameters.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        string? Get(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new AuthorizeRequest(
            Get("client_id"),
            Get("response_type"),
            Get("redirect_uri"),
            Get("scope"),
            Get("state"),
            Get("nonce"),
            Get("code_challenge"),
            Get("code_challenge_method"),
            Get("prompt"),
            Get("login_hint"),
            Get("response_mode"));
    }

    /// <summary>The request as hidden form fields; <c>prompt</c> and <c>login_hint</c> have done their work by then.</summary>
    public IEnumerable<KeyValuePair<string, string>> HiddenFields()
    {
        (string Name, string? Value)[] fields =
        [
            ("client_id", ClientId), ("response_type", ResponseType), ("redirect_uri", RedirectUri), ("scope", Scope),
            ("state", State), ("nonce", Nonce), ("code_challenge", CodeChallenge),
            ("code_challenge_method", CodeChallengeMethod), ("response_mode", ResponseMode),
        ];
        return fields.Where(field => field.Value is not null).Select(field => KeyValuePair.Create(field.Name, field.Value!));
    }
}
