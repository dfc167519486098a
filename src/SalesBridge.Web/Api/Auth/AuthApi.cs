using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesBridge.Errors;
using SalesBridge.Users;

namespace SalesBridge.Web.Api.Auth;

/// <summary>
/// Bearer-token sign-in for the mobile apps and API clients: email and password give an access token (one hour)
/// and a refresh token (14 days); the refresh token gives new ones while the account is unchanged.
/// </summary>
internal static class AuthApi
{
    public sealed record TokenRequest(
        [property: Required(ErrorMessage = "email is required."), MaxLength(256)] string Email,
        [property: Required(ErrorMessage = "password is required."), MaxLength(256)] string Password);

    public sealed record RefreshRequest([property: Required(ErrorMessage = "refreshToken is required.")] string RefreshToken);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/token", IssueTokenAsync)
            .WithSummary("Sign in with email and password; answers with an access token and a refresh token.")
            .Produces<AccessTokenResponse>();
        auth.MapPost("/refresh", RefreshAsync)
            .WithSummary("Exchange a refresh token for new tokens.")
            .Produces<AccessTokenResponse>();
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(TokenRequest request, SignInManager<WorkspaceUser> signIn)
    {
        RequestValidation.Validate(request);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            result.IsLockedOut
                ? "This account is locked after too many failed sign-ins. Try again in 15 minutes or ask your admin."
                : "The email or password is not correct.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in failed");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<WorkspaceUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        RequestValidation.Validate(request);
        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem("The refresh token is not valid or has expired; sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
