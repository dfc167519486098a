using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary>The 401 Dataverse answers when the bearer token is missing, expired or not acceptable.</summary>
public static class BearerChallenge
{
    /// <summary>
    /// Message of <c>AccessTokenExpired</c> (0x8005F101) in Dataverse's web service error codes reference.
    /// </summary>
    internal const string ExpiredMessage = "The requested resource requires authentication.";

    /// <summary>
    /// Writes the 401. Dataverse's documentation does not spell out the challenge; the Dataverse
    /// ServiceClient (AuthorityResolver) reads it as comma-separated <c>authorization_uri</c> (the v1 authorize
    /// URL, from which it derives the authority) and <c>resource_id</c> (the org URL), so both are always sent,
    /// unquoted, with no commas inside values. For a token that was sent but refused, RFC 6750's
    /// <c>error="invalid_token"</c> is added. Only an expired token gets a body, the Dataverse error
    /// <c>{"error":{"code":"0x8005f101",...}}</c>, so clients can tell "refresh and retry" from "sign in"; the docs
    /// are silent on bodies for other 401s, which are sent empty.
    /// </summary>
    public static Task Write401(HttpContext context, AccessTokenValidation outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var services = context.RequestServices;
        var urls = IdentityUrls.From(context.Request, services.GetRequiredService<IOptions<EmulatorIdentityOptions>>().Value.Tenant);
        var challenge = $"Bearer authorization_uri={urls.LegacyAuthorize}, resource_id={IdentityUrls.Origin(context.Request)}/";
        if (outcome is AccessTokenValidation.Expired or AccessTokenValidation.Invalid)
        {
            challenge += ", error=invalid_token";
        }

        Log.BearerTokenRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BearerChallenge)), outcome.ToString());
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = challenge;
        if (outcome is not AccessTokenValidation.Expired)
        {
            return Task.CompletedTask;
        }

        return context.Response.WriteAsJsonAsync(
            new { error = new { code = "0x8005f101", message = ExpiredMessage } },
            options: null,
            contentType: "application/json; odata.metadata=minimal",
            cancellationToken: context.RequestAborted);
    }
}
