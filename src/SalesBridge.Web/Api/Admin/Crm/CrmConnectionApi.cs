using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.Web.Crm;

namespace SalesBridge.Web.Api.Admin.Crm;

/// <summary>
/// Admins: the contract's CRM connection (SPEC S1–S4, B3): its status, connecting as an application user, and
/// starting a sign-in with a Dynamics account for an app to open (the sign-in page redirects back to the web
/// callback, which completes it). A failed check answers 422 with the report: each step, the S4 message and causes.
/// </summary>
internal static class CrmConnectionApi
{
    public static void MapCrmConnectionApi(this RouteGroupBuilder api)
    {
        var connection = api.MapGroup("/admin/crm/connection").WithTags("Admin: CRM");

        connection.MapGet("", (Caller caller, GetConnectionStatus get, CancellationToken cancellationToken) => get.HandleAsync(caller, cancellationToken))
            .WithSummary("The connection: org, environment (Sandbox), version, sign-in method and as whom, sync progress, a failure's message and causes.");

        connection.MapPost("/application-user", async Task<Results<Ok<ConnectionCheckReport>, ProblemHttpResult>> (
                Caller caller, ConnectApplicationUser.Request request, ConnectApplicationUser connect, CancellationToken cancellationToken) =>
            {
                var report = await connect.HandleAsync(caller, request, cancellationToken);
                return report.Outcome == ConnectionCheckOutcome.Failed ? CheckFailed(report) : TypedResults.Ok(report);
            })
            .WithSummary("Check the org with an application user's client id and either its secret (clientSecret) or its certificate (clientCertificate: base64 of a .pfx with the private key, at most 64 KiB; clientCertificatePassword when it has one) and, when every check passes, store the connection (422 with the report otherwise; 409 while connected to another org).");

        connection.MapPost("/sign-in", async Task<Results<Ok<AdminSignInStarted>, ProblemHttpResult>> (
                Caller caller, StartAdminSignIn.Request request, StartAdminSignIn start, HttpRequest http, IOptions<CrmOptions> crm, CancellationToken cancellationToken) =>
            {
                var result = await start.HandleAsync(caller, request, CrmSignInRedirect.For(http, crm.Value), cancellationToken);
                return result.RefusedUrl is { } refused ? CheckFailed(refused) : TypedResults.Ok(new AdminSignInStarted(result.AuthorizationUrl!.AbsoluteUri));
            })
            .WithSummary("Start signing in with a Dynamics account: open authorizationUrl in a browser; the sign-in page returns to SalesBridge, which checks and stores the connection (409 when Crm:SignIn is not configured).");
    }

    /// <summary>422: the first failed step's S4 message as the detail, its causes and missing privileges, and the whole report.</summary>
    private static ProblemHttpResult CheckFailed(ConnectionCheckReport report)
    {
        var failed = report.Steps.First(step => step.Outcome == ConnectionCheckOutcome.Failed);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = $"The CRM connection check failed: {failed.Name}",
            Detail = failed.Message,
            Extensions =
            {
                ["step"] = failed.Kind.ToString(),
                ["causes"] = failed.Causes,
                ["missingPrivileges"] = failed.MissingPrivileges.Select(p => p.Name).ToArray(),
                ["report"] = report,
            },
        });
    }
}

/// <summary>Where to send the admin to sign in (escaped, ready to open); valid for 10 minutes.</summary>
public sealed record AdminSignInStarted(string AuthorizationUrl);
