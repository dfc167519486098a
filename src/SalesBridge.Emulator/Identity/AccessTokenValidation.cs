namespace SalesBridge.Emulator.Identity;

/// <summary>The verdict on the bearer token of a request.</summary>
public abstract record AccessTokenValidation
{
    private AccessTokenValidation()
    {
    }

    /// <summary>The token is genuine, current and meant for this org.</summary>
    public sealed record Valid(AuthenticatedCaller Caller) : AccessTokenValidation;

    /// <summary>The request carried no Authorization header.</summary>
    public sealed record Missing : AccessTokenValidation;

    /// <summary>The token was genuine and meant for this org, but its lifetime is over: the client should refresh.</summary>
    public sealed record Expired(DateTimeOffset ExpiredOn) : AccessTokenValidation;

    /// <summary>The token is malformed, forged, from another issuer or tenant, or for another audience.</summary>
    public sealed record Invalid(string Reason) : AccessTokenValidation;
}
