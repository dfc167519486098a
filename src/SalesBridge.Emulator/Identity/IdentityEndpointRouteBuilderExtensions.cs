namespace SalesBridge.Emulator.Identity;

public static class IdentityEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Entra-like endpoints under <c>/{tenant}</c>: discovery, keys, authorize (sign-in page) and token.
    /// </summary>
    public static IEndpointRouteBuilder MapEmulatorIdentity(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var tenant = endpoints.MapGroup("/{tenant}").WithTags("Identity").ExcludeFromDescription();
        tenant.MapGet("/v2.0/.well-known/openid-configuration", DiscoveryEndpoints.Configuration);
        tenant.MapGet("/discovery/v2.0/keys", DiscoveryEndpoints.Keys);
        tenant.MapGet("/oauth2/v2.0/authorize", AuthorizeEndpoint.Show);
        // The form is read by hand and carries no session, so antiforgery (a cookie-bound token) has nothing to protect.
        tenant.MapPost("/oauth2/v2.0/authorize", AuthorizeEndpoint.SignInAsync).DisableAntiforgery();
        tenant.MapPost("/oauth2/v2.0/token", TokenEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
