namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>What an org does where Microsoft's docs leave change tracking's behaviour open; configurable per org.</summary>
public sealed class ChangeTrackingPolicy
{
    /// <summary>
    /// The HTTP status of the <c>ExpiredVersionStamp</c> error (0x80044352). The docs give the code and message, not the
    /// status; 400 is what the Web API answers other refused requests with.
    /// </summary>
    public int ExpiredTokenStatus { get; init; } = 400;

    /// <summary>How often, at most, a change-tracking read prunes tombstones older than the org's expiry window.</summary>
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The most tombstones one pruning pass removes, so a single request never pays for a long backlog.</summary>
    public int MaxTombstonesPrunedPerPass { get; init; } = 1000;
}
