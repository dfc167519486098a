namespace SalesBridge.Emulator.Identity;

/// <summary>
/// An app registration for the authorization-code flow. A null <paramref name="ClientSecret"/> makes it a
/// public client, which proves possession of the code with PKCE instead of a secret.
/// </summary>
public sealed record ClientRegistration(string ClientId, string? ClientSecret, IReadOnlyList<string> RedirectUris);
