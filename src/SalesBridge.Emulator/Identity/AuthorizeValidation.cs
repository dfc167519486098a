namespace SalesBridge.Emulator.Identity;

/// <summary>Where an authorize request stands once checked.</summary>
internal abstract record AuthorizeValidation
{
    /// <summary>The client and redirect URI are registered and the request is well formed.</summary>
    public sealed record Accepted(ClientRegistration Client, string RedirectUri, string ResponseMode) : AuthorizeValidation;

    /// <summary>The client or redirect URI cannot be trusted: the error is shown on the page, never redirected.</summary>
    public sealed record ShownOnPage(EntraError Error) : AuthorizeValidation;

    /// <summary>The redirect URI is trusted, so the error goes back to the client as Entra sends it.</summary>
    public sealed record SentToClient(string RedirectUri, string ResponseMode, EntraError Error) : AuthorizeValidation;
}
