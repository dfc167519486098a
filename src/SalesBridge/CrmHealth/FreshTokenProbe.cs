using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.CrmHealth;

/// <summary>
/// The stored connection's tokens, with the first one of a health check fetched fresh: a cached access token stays
/// valid for up to an hour after an admin's sign-in was revoked (Entra refuses only the refresh), so a check that used
/// it would report a revoked connection as healthy. Remembers whether the sign-in itself is gone, which the check's
/// report cannot tell apart from other token failures.
/// </summary>
internal sealed class FreshTokenProbe(ITokenProvider stored) : ITokenProvider
{
    private int _requests;

    /// <summary>Entra said the stored sign-in can no longer be used (refresh token revoked or expired, user disabled).</summary>
    public DataverseSignInRequiredException? SignInRequired { get; private set; }

    public async ValueTask<AccessToken> GetTokenAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var first = Interlocked.Increment(ref _requests) == 1;
        try
        {
            return await stored.GetTokenAsync(first ? request with { ForceRefresh = true } : request, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseSignInRequiredException exception)
        {
            SignInRequired = exception;
            throw;
        }
    }

    public override string ToString() => $"FreshTokenProbe({stored})";
}
