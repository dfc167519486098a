namespace SalesBridge.Dataverse.Authentication;

/// <summary>
/// An application user's app registration for <see cref="ClientCredentialsTokenProvider"/>: tokens for
/// <c>{org}/.default</c> from <see cref="EntraApplicationOptions.Authority"/> with the client secret or certificate.
/// </summary>
public sealed class ClientCredentialsTokenProviderOptions : EntraApplicationOptions;
