using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.CrmConnection;

/// <summary>
/// The token provider of each stored connection, kept while the connection is unchanged so that MSAL's in-memory
/// token cache is reused across requests (a new provider per request would fetch a new token every time).
/// A changed connection (new <see cref="OrgConnection.Revision"/>) gets a new provider.
/// </summary>
public sealed class OrgTokenProviders(IServiceScopeFactory scopes, CrmSecretProtector protector, MsalHttpClients msal, IOptions<CrmOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (Guid Revision, ITokenProvider Provider)> _providers = new();

    /// <exception cref="InvalidOperationException">The connection holds no usable credentials (disconnected).</exception>
    public ITokenProvider For(OrgConnection connection)
    {
        if (_providers.TryGetValue(connection.Id, out var known) && known.Revision == connection.Revision) return known.Provider;
        var provider = Create(connection);
        _providers[connection.Id] = (connection.Revision, provider);
        return provider;
    }

    /// <summary>Drops the provider of a connection that was disconnected or replaced.</summary>
    public void Forget(Guid connectionId) => _providers.TryRemove(connectionId, out _);

    /// <summary>A provider for an admin sign-in whose token cache is stored on connection <paramref name="connectionId"/>.</summary>
    /// <exception cref="InvalidOperationException">No sign-in application is configured (<c>Crm:SignIn</c>).</exception>
    public AuthorizationCodeTokenProvider ForAdminSignIn(Guid connectionId, Uri redirectUri)
    {
        var app = options.Value.SignIn ?? throw new InvalidOperationException(
            "Signing in to Dynamics needs SalesBridge's app registration (setting Crm:SignIn); connect with an application user instead.");
        return new AuthorizationCodeTokenProvider(new AuthorizationCodeTokenProviderOptions
        {
            TenantId = app.TenantId, ClientId = app.ClientId, ClientSecret = app.ClientSecret, Authority = app.Authority,
            AllowNonEntraAuthority = app.AllowNonEntraAuthority, RedirectUri = redirectUri,
        }, new StoredTokenCache(connectionId, scopes, protector), msal);
    }

    /// <summary>A provider for an application user's client credentials.</summary>
    public ClientCredentialsTokenProvider ForApplicationUser(string tenantId, string clientId, string clientSecret) => new(new ClientCredentialsTokenProviderOptions
    {
        TenantId = tenantId, ClientId = clientId, ClientSecret = clientSecret,
        Authority = new Uri(options.Value.EntraAuthorityHost, tenantId), AllowNonEntraAuthority = options.Value.AllowNonEntraAuthority,
    }, msal);

    /// <summary>A provider for an application user signing in with its certificate (a PFX without password).</summary>
    public ClientCredentialsTokenProvider ForApplicationUser(string tenantId, string clientId, byte[] pfx) => new(new ClientCredentialsTokenProviderOptions
    {
        TenantId = tenantId, ClientId = clientId, ClientCertificate = ClientCertificateCredential.Load(pfx),
        Authority = new Uri(options.Value.EntraAuthorityHost, tenantId), AllowNonEntraAuthority = options.Value.AllowNonEntraAuthority,
    }, msal);

    private ITokenProvider Create(OrgConnection connection) => connection.SignInMethod switch
    {
        OrgSignInMethod.ApplicationUser when connection is { TenantId: { } tenant, ClientId: { } client, ProtectedClientCertificate: { } certificate } =>
            ForApplicationUser(tenant, client, protector.UnprotectBytes(certificate)),
        OrgSignInMethod.ApplicationUser when connection is { TenantId: { } tenant, ClientId: { } client, ProtectedClientSecret: { } secret } =>
            ForApplicationUser(tenant, client, protector.Unprotect(secret)),
        // The redirect URI only matters while signing in; a stored sign-in refreshes silently without it.
        OrgSignInMethod.AdminSignIn when connection.ProtectedTokenCache is not null => ForAdminSignIn(connection.Id, new Uri("https://localhost/")),
        _ => throw new InvalidOperationException($"The CRM connection of contract {connection.ContractId} holds no credentials (status {connection.Status})."),
    };
}
