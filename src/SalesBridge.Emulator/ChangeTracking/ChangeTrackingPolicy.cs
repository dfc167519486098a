using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// What the docs leave open about change tracking, per org: the HTTP status of an expired token. Tokens live
/// <see cref="OrgSettings.ExpireChangeTrackingInDays"/> days (the docs say 7, 30 or 90 in different places).
/// </summary>
public sealed class ChangeTrackingPolicy
{
    private static readonly ConditionalWeakTable<EmulatedOrg, ChangeTrackingPolicy> Policies = new();
    private static readonly ChangeTrackingPolicy Default = new();

    /// <summary>HTTP status of the "version stamp expired" error; unverified, 400 by default.</summary>
    public int ExpiredTokenStatus { get; init; } = 400;

    public static ChangeTrackingPolicy For(EmulatedOrg org) => Policies.TryGetValue(org, out var policy) ? policy : Default;

    public static void Configure(EmulatedOrg org, ChangeTrackingPolicy policy) => Policies.AddOrUpdate(org, policy);
}
