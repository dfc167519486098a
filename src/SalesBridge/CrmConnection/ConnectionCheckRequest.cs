using SalesBridge.Dataverse.Authentication;

namespace SalesBridge.CrmConnection;

/// <summary>What to check: the org URL the admin typed, how to sign in to it, and what the connection will be used for.</summary>
public sealed record ConnectionCheckRequest
{
    /// <summary>The org URL as the admin typed it, e.g. <c>https://contoso.crm4.dynamics.com</c>.</summary>
    public required string OrganizationUrl { get; init; }

    /// <summary>The signed-in account's tokens (delegated sign-in or application user).</summary>
    public required ITokenProvider Tokens { get; init; }

    /// <summary>
    /// Hosts accepted besides Dynamics 365 online ones, over http or https: the demo emulator (e.g. <c>127.0.0.1</c>).
    /// Empty in production, where only online orgs are accepted.
    /// </summary>
    public IReadOnlyCollection<string> AllowedExtraHosts { get; init; } = [];

    /// <summary>Write-back is switched on: missing write-back privileges fail the check instead of warning.</summary>
    public bool WriteBackRequested { get; init; }

    /// <summary>The activity tables and creator choice that decide the write-back privileges.</summary>
    public WriteBackPrivilegeOptions WriteBack { get; init; } = new();
}
