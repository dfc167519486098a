using Microsoft.Extensions.Options;

namespace SalesBridge.Emulator.Identity;

/// <summary><c>GET</c> renders the sign-in page; <c>POST</c> checks the password and returns a code.</summary>
internal static class AuthorizeEndpoint
{
    public static IResult Show(string tenant, HttpContext context, SignInFlow flow, IOptions<EmulatorIdentityOptions> options, ILoggerFactory loggers)
    {
        var request = AuthorizeRequest.Read(context.Request.Query);
        return Check(tenant, request, flow, options.Value.Tenant, loggers) switch
        {
            AuthorizeValidation.Accepted => SignInPage.Form(FormAction(context), request, userName: null, error: null),
            var refused => Refuse(refused, request.State),
        };
    }

    public static async Task<IResult> SignInAsync(string tenant, HttpContext context, SignInFlow flow, IOptions<EmulatorIdentityOptions> options, ILoggerFactory loggers)
    {
        if (!context.Request.HasFormContentType)
        {
            return SignInPage.Error(EntraErrors.MalformedRequest("The sign-in form must be posted as application/x-www-form-urlencoded."));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var request = AuthorizeRequest.Read(form);
        var validation = Check(tenant, request, flow, options.Value.Tenant, loggers);
        if (validation is not AuthorizeValidation.Accepted accepted)
        {
            return Refuse(validation, request.State);
        }

        var userName = form["username"].ToString();
        switch (flow.SignIn(request, accepted, userName, form["password"].ToString()))
        {
            case SignInAttempt.SignedIn signedIn:
                return AuthorizeResponse.Code(accepted.RedirectUri, accepted.ResponseMode, signedIn.Code, request.State);
            case SignInAttempt.Refused refused:
                Log.SignInFailed(loggers.CreateLogger(typeof(AuthorizeEndpoint)), userName, accepted.Client.ClientId, refused.Error.Code);
                return SignInPage.Form(FormAction(context), request, userName, refused.Error);
            default:
                throw new InvalidOperationException("Unexpected sign-in outcome.");
        }
    }

    private static AuthorizeValidation Check(string tenant, AuthorizeRequest request, SignInFlow flow, Guid tenantId, ILoggerFactory loggers)
    {
        var validation = TenantRoute.Classify(tenant, tenantId) == TenantRouteKind.Unknown
            ? new AuthorizeValidation.ShownOnPage(EntraErrors.TenantNotFound(tenant))
            : flow.Validate(request, tenantId);
        var error = validation switch
        {
            AuthorizeValidation.ShownOnPage shown => shown.Error,
            AuthorizeValidation.SentToClient sent => sent.Error,
            _ => null,
        };
        if (error is not null)
        {
            Log.AuthorizeRefused(loggers.CreateLogger(typeof(AuthorizeEndpoint)), error.Code, error.Error);
        }

        return validation;
    }

    private static IResult Refuse(AuthorizeValidation validation, string? state) => validation switch
    {
        AuthorizeValidation.SentToClient sent => AuthorizeResponse.Send(sent.RedirectUri, sent.ResponseMode, sent.Error.ToRedirectParameters(state)),
        AuthorizeValidation.ShownOnPage shown => SignInPage.Error(shown.Error),
        _ => throw new InvalidOperationException("Refuse called for an accepted request."),
    };

    private static string FormAction(HttpContext context) => $"{context.Request.PathBase}{context.Request.Path}";
}
