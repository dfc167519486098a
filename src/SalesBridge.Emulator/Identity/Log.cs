namespace SalesBridge.Emulator.Identity;

/// <summary>What the token service logs. Never secrets, passwords, codes or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Issued tokens by {GrantType} to client {ClientId} for subject {Subject}")]
    public static partial void TokensIssued(ILogger logger, string grantType, string? clientId, string subject);

    [LoggerMessage(2, LogLevel.Information, "Refused {GrantType} token request from client {ClientId}: AADSTS{Code} {Error}")]
    public static partial void TokenRequestRefused(ILogger logger, string grantType, string? clientId, int code, string error);

    [LoggerMessage(3, LogLevel.Information, "Sign-in of {UserName} for client {ClientId} failed: AADSTS{Code}")]
    public static partial void SignInFailed(ILogger logger, string userName, string clientId, int code);

    [LoggerMessage(4, LogLevel.Information, "Authorize request refused: AADSTS{Code} {Error}")]
    public static partial void AuthorizeRefused(ILogger logger, int code, string error);

    [LoggerMessage(5, LogLevel.Debug, "Bearer token rejected: {Outcome}")]
    public static partial void BearerTokenRejected(ILogger logger, string outcome);
}
