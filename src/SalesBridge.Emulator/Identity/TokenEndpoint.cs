using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary><c>POST /{tenant}/oauth2/v2.0/token</c>: reads the form and hands it to the grant's handler.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(string tenant, HttpContext context, IOptions<EmulatorIdentityOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenEndpoint));
        var tenantId = options.Value.Tenant;
        var route = TenantRoute.Classify(tenant, tenantId);
        if (route == TenantRouteKind.Unknown)
        {
            return EntraErrors.TenantNotFound(tenant).ToResult(context, time);
        }

        if (!context.Request.HasFormContentType)
        {
            return EntraErrors.MissingParameter("grant_type").ToResult(context, time);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        var credentials = ClientCredentials.Read(context.Request, form);
        var clientId = credentials is ClientCredentialsRead.Read read ? read.Credentials.ClientId : null;
        var outcome = credentials switch
        {
            ClientCredentialsRead.Read valid => Dispatch(context.RequestServices, route, grantType, new TokenRequest(form, valid.Credentials, IdentityUrls.From(context.Request, tenantId)) { TenantPath = tenant }),
            ClientCredentialsRead.Failed failed => failed.Error,
            _ => throw new InvalidOperationException("Unexpected client credentials outcome."),
        };

        switch (outcome)
        {
            case TokenOutcome.Issued issued:
                Log.TokensIssued(logger, grantType, clientId, issued.Subject);
                return issued.Response.ToResult(context);
            case TokenOutcome.Refused refused:
                Log.TokenRequestRefused(logger, grantType, clientId, refused.Error.Code, refused.Error.Error);
                return refused.Error.ToResult(context, time);
            default:
                throw new InvalidOperationException("Unexpected token outcome.");
        }
    }

    private static TokenOutcome Dispatch(IServiceProvider services, TenantRouteKind route, string grantType, TokenRequest request) => grantType switch
    {
        "" => EntraErrors.MissingParameter("grant_type"),
        // An app-only token needs a tenant: Entra refuses client credentials on /common and /organizations.
        "client_credentials" when route == TenantRouteKind.MultiTenant => EntraErrors.GrantNotSupportedOnMultiTenantEndpoint(),
        "client_credentials" => services.GetRequiredService<ClientCredentialsGrant>().Handle(request),
        "authorization_code" => services.GetRequiredService<AuthorizationCodeGrant>().Handle(request),
        "refresh_token" => services.GetRequiredService<RefreshTokenGrant>().Handle(request),
        _ => EntraErrors.UnsupportedGrantType(grantType),
    };
}
