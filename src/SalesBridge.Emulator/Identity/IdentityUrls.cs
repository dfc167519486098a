namespace SalesBridge.Emulator.Identity;

/// <summary>
/// The token service's URLs as the client reached them. The emulator can listen on any host and port, so
/// every URL (and the issuer) is built from the incoming request rather than from configuration; discovery
/// then always points back at the address the client actually used.
/// </summary>
internal sealed record IdentityUrls(string Base, Guid Tenant)
{
    public static IdentityUrls From(HttpRequest request, Guid tenant) =>
        new($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/'), tenant);

    /// <summary>The origin of the request, which is also the Dataverse org URL when both run in one process.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";

    public string TenantSegment => Tenant.ToString("D");

    /// <summary>v2.0 issuer: used by id tokens and advertised by discovery.</summary>
    public string IssuerV2 => $"{Base}/{TenantSegment}/v2.0";

    /// <summary>
    /// v1.0 issuer: Dataverse does not opt in to v2.0 access tokens, so Entra hands its clients v1.0 tokens
    /// (issuer without <c>/v2.0</c>) even through the v2.0 endpoints (access-token-claims-reference, <c>ver</c>).
    /// </summary>
    public string IssuerV1 => $"{Base}/{TenantSegment}/";

    public string Authorize(string tenantSegment) => $"{Base}/{tenantSegment}/oauth2/v2.0/authorize";

    public string Token(string tenantSegment) => $"{Base}/{tenantSegment}/oauth2/v2.0/token";

    public string Keys(string tenantSegment) => $"{Base}/{tenantSegment}/discovery/v2.0/keys";

    /// <summary>The v1 authorize URL that Dataverse names in its 401 challenge.</summary>
    public string LegacyAuthorize => $"{Base}/{TenantSegment}/oauth2/authorize";
}
