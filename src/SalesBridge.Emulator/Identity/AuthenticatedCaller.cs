namespace SalesBridge.Emulator.Identity;

/// <summary>Who a valid bearer token speaks for.</summary>
/// <param name="ObjectId">The user's or service principal's object id (<c>oid</c>).</param>
/// <param name="TenantId">The directory the token was issued in (<c>tid</c>).</param>
/// <param name="ClientId">The application that asked for the token (<c>appid</c>).</param>
/// <param name="IsApplication">True for app-only tokens (client credentials), false for delegated user tokens.</param>
/// <param name="UserName">The user's UPN; null for applications.</param>
/// <param name="ExpiresOn">When the token stops being accepted.</param>
public sealed record AuthenticatedCaller(Guid ObjectId, Guid TenantId, string ClientId, bool IsApplication, string? UserName, DateTimeOffset ExpiresOn);
