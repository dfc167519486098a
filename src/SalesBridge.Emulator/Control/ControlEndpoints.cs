using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SalesBridge.Emulator.Hosting;
using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Limits;

namespace SalesBridge.Emulator.Control;

/// <summary>
/// Emulator-only endpoints, not part of the Dataverse surface (no real org has them), for tests, benchmarks and
/// demos to read call counts, inject faults and change service protection limits of one org. Loopback callers only.
/// <code>
/// GET    /_emulator/orgs/{urlName}/calls    counts, total and per user
/// DELETE /_emulator/orgs/{urlName}/calls    resets the counts
/// GET    /_emulator/orgs/{urlName}/faults   the fault plan, with how often each fault may still strike
/// PUT    /_emulator/orgs/{urlName}/faults   replaces the plan, see FaultPlanBody
/// DELETE /_emulator/orgs/{urlName}/faults   clears the faults
/// GET    /_emulator/orgs/{urlName}/limits   the service protection limits
/// PUT    /_emulator/orgs/{urlName}/limits   changes the named limits, see LimitsBody
/// DELETE /_emulator/orgs/{urlName}/limits   forgets every user's window and throttling (limits stay)
/// POST   /_emulator/users/{userName}/revoke-sessions   revokes the user's refresh tokens, as Graph's revokeSignInSessions
/// </code>
/// </summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapEmulatorControl(this IEndpointRouteBuilder endpoints)
    {
        var org = endpoints.MapGroup("/_emulator/orgs/{urlName}").AddEndpointFilter(LoopbackOnly.FilterAsync);

        org.MapGet("/calls", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => TypedResults.Ok(CallsBody.From(t.Org.Settings.UrlName, t.Calls))));
        org.MapDelete("/calls", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => Done(t.Calls.Reset)));

        org.MapGet("/faults", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => TypedResults.Ok(FaultPlanBody.From(t.Faults.Plan, t.Faults.Remaining))));
        org.MapPut("/faults", (string urlName, HttpRequest request, OrgDirectory orgs, TrafficDirectory traffic, CancellationToken cancellationToken) =>
            WithAsync(urlName, orgs, traffic, async t =>
            {
                var (body, problem) = await ControlJson.ReadAsync<FaultPlanBody>(request, cancellationToken);
                var (plan, invalid) = body?.ToPlan() ?? (null, problem);
                if (plan is null) return ControlJson.BadRequest(invalid!);
                t.Faults.Apply(plan);
                return TypedResults.NoContent();
            }));
        org.MapDelete("/faults", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => Done(t.Faults.Clear)));

        org.MapGet("/limits", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => TypedResults.Ok(LimitsBody.From(t.Protection.Limits))));
        org.MapPut("/limits", (string urlName, HttpRequest request, OrgDirectory orgs, TrafficDirectory traffic, CancellationToken cancellationToken) =>
            WithAsync(urlName, orgs, traffic, async t =>
            {
                var (body, problem) = await ControlJson.ReadAsync<LimitsBody>(request, cancellationToken);
                if (body is null) return ControlJson.BadRequest(problem!);
                var limits = body.ApplyTo(t.Protection.Limits);
                if (limits.Problem() is { } invalid) return ControlJson.BadRequest(invalid);
                t.Protection.Limits = limits;
                return TypedResults.Ok(LimitsBody.From(limits));
            }));
        org.MapDelete("/limits", (string urlName, OrgDirectory orgs, TrafficDirectory traffic) =>
            With(urlName, orgs, traffic, t => Done(t.Protection.Reset)));

        endpoints.MapPost("/_emulator/users/{userName}/revoke-sessions", RevokeSignInSessions).AddEndpointFilter(LoopbackOnly.FilterAsync);
        return endpoints;
    }

    /// <summary>
    /// Graph answers <c>revokeSignInSessions</c> with <c>{"value": true}</c>; the emulator adds how many refresh tokens it revoked.
    /// </summary>
    private static IResult RevokeSignInSessions(string userName, ISignInDirectory directory, RefreshTokenStore refreshTokens) =>
        directory.FindUser(userName) is null
            ? TypedResults.Problem($"This emulator has no user named '{userName}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown user")
            : TypedResults.Ok(new { value = true, revokedRefreshTokens = refreshTokens.RevokeSignInSessions(userName) });

    private static IResult With(string urlName, OrgDirectory orgs, TrafficDirectory traffic, Func<OrgTraffic, IResult> handle) =>
        orgs.Find(urlName) is { } found ? handle(traffic.For(found)) : UnknownOrg(urlName);

    private static async Task<IResult> WithAsync(string urlName, OrgDirectory orgs, TrafficDirectory traffic, Func<OrgTraffic, Task<IResult>> handle) =>
        orgs.Find(urlName) is { } found ? await handle(traffic.For(found)) : UnknownOrg(urlName);

    private static NoContent Done(Action action)
    {
        action();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownOrg(string urlName) =>
        TypedResults.Problem($"This emulator serves no org named '{urlName}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown org");
}
