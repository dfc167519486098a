using SalesBridge.Emulator.Org;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// In-process control of an org's change tracking, for tests and demos that cannot wait out the org's
/// <c>ExpireChangeTrackingInDays</c>. Over HTTP, tokens expire only with the org's clock (<see cref="EmulatedOrg.Time"/>;
/// start the server with a <c>FakeTimeProvider</c> and advance it past the window).
/// </summary>
public static class ChangeTrackingControl
{
    /// <summary>Sets what the org does where the docs are silent (e.g. the status of an expired token).</summary>
    public static void Configure(EmulatedOrg org, ChangeTrackingPolicy policy) => ChangeLedger.For(org).Policy = policy;

    /// <summary>
    /// Makes every delta token issued before <paramref name="instant"/> (to the second, as the token shows its issue time)
    /// fail from now on with <c>ExpiredVersionStamp</c>, as if the org's expiry window had passed over it.
    /// <code>ChangeTrackingControl.ExpireTokensIssuedBefore(server.Org, server.Org.Time.GetUtcNow().AddSeconds(1));</code>
    /// </summary>
    public static void ExpireTokensIssuedBefore(EmulatedOrg org, DateTimeOffset instant) => ChangeLedger.For(org).ExpireIssuedBefore(instant);
}
