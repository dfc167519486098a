namespace SalesBridge.Emulator.Identity;

/// <summary>A user or application that can receive tokens. <paramref name="Secret"/> is the password or client secret.</summary>
public sealed record SignInAccount(Guid ObjectId, string UserName, string DisplayName, string? Secret, bool IsDisabled);
