namespace SalesBridge.Emulator.Identity;

/// <summary>The answer to a token request: tokens, or Entra's refusal.</summary>
internal abstract record TokenOutcome
{
    public sealed record Issued(TokenResponse Response, string Subject) : TokenOutcome;

    public sealed record Refused(EntraError Error) : TokenOutcome;

    public static implicit operator TokenOutcome(EntraError error) => new Refused(error);
}

/// <summary>What every grant handler gets: the form, the client's credentials and the URLs as the client used them.</summary>
internal sealed record TokenRequest(IFormCollection Form, ClientCredentials Client, IdentityUrls Urls)
{
    /// <summary>The tenant segment of the URL the client posted to (a tenant id, a domain name, or organizations).</summary>
    public string TenantPath { get; init; } = Urls.TenantSegment;

    public string? this[string name] => string.IsNullOrEmpty(Form[name]) ? null : Form[name].ToString();
}
