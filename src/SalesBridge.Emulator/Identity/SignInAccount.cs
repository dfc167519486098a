using System.Security.Cryptography.X509Certificates;

namespace SalesBridge.Emulator.Identity;

/// <summary>A user or application that can receive tokens. <paramref name="Secret"/> is the password or client secret.</summary>
public sealed record SignInAccount(Guid ObjectId, string UserName, string DisplayName, string? Secret, bool IsDisabled)
{
    /// <summary>Public certificates registered on an application: it may sign client assertions with their keys instead of sending its secret.</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; init; } = [];
}
