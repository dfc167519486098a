using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary>
/// OpenID Connect discovery and the signing keys, in the shape of Entra's v2.0 documents, pointing at the
/// host and port the client used.
/// </summary>
internal static class DiscoveryEndpoints
{
    public static IResult Configuration(string tenant, HttpContext context, IOptions<EmulatorIdentityOptions> options, TimeProvider time)
    {
        var route = TenantRoute.Classify(tenant, options.Value.Tenant);
        if (route == TenantRouteKind.Unknown)
        {
            return EntraErrors.TenantNotFound(tenant).ToResult(context, time);
        }

        var urls = IdentityUrls.From(context.Request, options.Value.Tenant);
        // On /common and /organizations Entra advertises a templated issuer that clients fill in with tid.
        var issuer = route == TenantRouteKind.MultiTenant ? $"{urls.Base}/{{tenantid}}/v2.0" : urls.IssuerV2;
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = urls.Authorize(tenant),
            ["token_endpoint"] = urls.Token(tenant),
            ["jwks_uri"] = urls.Keys(tenant),
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["grant_types_supported"] = new[] { "authorization_code", "refresh_token", "client_credentials" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256", "plain" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "oid", "tid", "ver", "name", "preferred_username" },
            ["request_uri_parameter_supported"] = false,
            ["tenant_region_scope"] = "NA",
        });
    }

    public static IResult Keys(string tenant, HttpContext context, EmulatorSigningKey key, IOptions<EmulatorIdentityOptions> options, TimeProvider time)
    {
        var route = TenantRoute.Classify(tenant, options.Value.Tenant);
        if (route == TenantRouteKind.Unknown)
        {
            return EntraErrors.TenantNotFound(tenant).ToResult(context, time);
        }

        var urls = IdentityUrls.From(context.Request, options.Value.Tenant);
        return TypedResults.Json(new Dictionary<string, object> { ["keys"] = new[] { key.PublicJwk(urls.IssuerV2) } });
    }
}
