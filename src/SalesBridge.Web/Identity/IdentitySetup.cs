using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SalesBridge.Access;
using SalesBridge.Persistence;
using SalesBridge.Users;

namespace SalesBridge.Web.Identity;

/// <summary>
/// Password sign-in with lockout (ASP.NET Core Identity): a cookie for the web pages, bearer tokens for the REST
/// API and the mobile apps. A request carrying <c>Authorization: Bearer</c> is judged by its token alone.
/// </summary>
internal static class IdentitySetup
{
    public const string CookieOrBearerScheme = "CookieOrBearer";
    public const string ApiPolicy = "Api";

    public static WebApplicationBuilder AddWorkspaceIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(CookieOrBearerScheme)
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();

        builder.Services.AddIdentityCore<WorkspaceUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 8;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<SalesBridgeDbContext>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "SalesBridge.SignIn";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/SignIn";
            cookie.LogoutPath = "/SignOut";
            cookie.AccessDeniedPath = "/Error";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        });

        // The API takes bearer tokens only: a browser's cookie must not be able to call it from another site.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        builder.Services.AddScoped<CallerContext>();
        builder.Services.AddScoped<Caller>(services => services.GetRequiredService<CallerContext>().Current
            ?? throw new InvalidOperationException("No signed-in caller: the endpoint must require authorization."));
        return builder;
    }
}
