using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.WebApi;

/// <summary>
/// Turns the bearer token into the org user it belongs to: an application user by its application
/// (client) id, an interactive user by their Entra object id. No token, a bad or expired one: 401 with the
/// challenge Dataverse sends.
/// </summary>
public static class RequestAuthenticator
{
    /// <summary>The caller, or null when a 401 has been written.</summary>
    public static async Task<Caller?> AuthenticateAsync(HttpContext http, EmulatedOrg org)
    {
        var validator = http.RequestServices.GetRequiredService<AccessTokenValidator>();
        var audience = $"{http.Request.Scheme}://{http.Request.Host}";
        var header = http.Request.Headers.Authorization.ToString();
        var outcome = validator.Validate(header, audience);
        if (outcome is not AccessTokenValidation.Valid && http.Request.Path.StartsWithSegments("/" + org.Settings.UrlName))
        {
            // An org reached under its path (/{urlName}/api/data/...) has that URL as its resource, so a client that
            // asks for a token for the org URL it was given (as SalesBridge does) gets that URL as the audience.
            if (validator.Validate(header, $"{audience}/{org.Settings.UrlName}") is AccessTokenValidation.Valid forPath) outcome = forPath;
        }
        if (outcome is not AccessTokenValidation.Valid valid)
        {
            await BearerChallenge.Write401(http, outcome);
            return null;
        }
        var user = FindUser(org, valid.Caller) ?? throw new DataverseFault(403, "0x80072560",
            $"The user is not a member of the organization. (ObjectId={valid.Caller.ObjectId})");
        if (user["isdisabled"] is true)
        {
            throw new DataverseFault(403, "0x8004f509", $"The user with SystemUserId={user.Id} is disabled.");
        }
        return new Caller(user.Id, user.Reference("businessunitid")?.Id ?? org.RootBusinessUnitId);
    }

    private static EntityRow? FindUser(EmulatedOrg org, AuthenticatedCaller caller)
    {
        var users = org.Store.Table("systemuser").InKeyOrder();
        if (caller.IsApplication)
        {
            return Guid.TryParse(caller.ClientId, out var applicationId)
                ? users.FirstOrDefault(u => u["applicationid"] is Guid id && id == applicationId)
                : null;
        }
        return users.FirstOrDefault(u => u["azureactivedirectoryobjectid"] is Guid id && id == caller.ObjectId);
    }
}
