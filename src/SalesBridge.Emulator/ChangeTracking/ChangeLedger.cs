using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// One org's change-tracking state: the delta tokens it handed out (and for which table), the instant before which
/// tokens count as expired, the per-table version indexes, and when tombstones were last pruned.
/// </summary>
internal sealed class ChangeLedger
{
    private static readonly ConditionalWeakTable<EmulatedOrg, ChangeLedger> Ledgers = new();

    private readonly EmulatedOrg _org;
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VersionIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _pruneGate = new();
    private long _expiredBeforeTicks = DateTimeOffset.MinValue.UtcTicks;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    private ChangeLedger(EmulatedOrg org) => _org = org;

    public static ChangeLedger For(EmulatedOrg org) => Ledgers.GetValue(org, static o => new ChangeLedger(o));

    public ChangeTrackingPolicy Policy { get; set; } = new();

    private TimeSpan Window => TimeSpan.FromDays(_org.Settings.ExpireChangeTrackingInDays);

    /// <summary>
    /// The version every change up to which is visible to readers. <see cref="OrgStore.Write{T}"/> waits for any writer to
    /// finish its unit, so no version handed out before this one is still on its way into a table.
    /// </summary>
    public long Cut() => _org.Store.Write(_ => _org.Store.CurrentVersion);

    /// <summary>A token for the changes up to <paramref name="version"/>, as of now.</summary>
    public DeltaToken NewToken(long version) => DeltaToken.Issue(version, _org.Time.GetUtcNow());

    /// <summary>Records that <paramref name="token"/> was handed out for <paramref name="table"/> and returns its text.</summary>
    public string Issue(TableDefinition table, DeltaToken token)
    {
        var text = token.ToString();
        var issued = _issued.GetOrAdd(text, _ => new IssuedToken(token.IssuedOn));
        issued.Tables.TryAdd(table.EntitySetName, 0);
        return text;
    }

    /// <summary>The position a client's <c>$deltatoken</c> stands for; throws Dataverse's error when it cannot be used.</summary>
    public DeltaToken Redeem(TableDefinition table, string text)
    {
        if (!DeltaToken.TryParse(text, out var token)) throw ChangeTrackingErrors.UnknownToken(text, table);
        // Expiry is checked first: a token old enough to be forgotten is still reported as expired.
        if (IsExpired(token.IssuedOn)) throw ChangeTrackingErrors.Expired(Policy.ExpiredTokenStatus);
        if (!_issued.TryGetValue(text, out var issued)) throw ChangeTrackingErrors.UnknownToken(text, table);
        if (!issued.Tables.ContainsKey(table.EntitySetName)) throw ChangeTrackingErrors.IssuedForOtherTable(text, table, issued.Tables.Keys);
        return token;
    }

    public void ExpireIssuedBefore(DateTimeOffset instant)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _expiredBeforeTicks);
            if (instant.UtcTicks <= current) return;
        }
        while (Interlocked.CompareExchange(ref _expiredBeforeTicks, instant.UtcTicks, current) != current);
    }

    public VersionIndex Index(string table) => _indexes.GetOrAdd(table, static _ => new VersionIndex());

    /// <summary>
    /// Forgets tombstones and issued tokens older than the expiry window, at most once per <see cref="ChangeTrackingPolicy.PruneInterval"/>
    /// and a bounded number per pass. Safe: a token young enough to be redeemed was issued after any such deletion.
    /// </summary>
    public void PruneIfDue()
    {
        var now = _org.Time.GetUtcNow();
        var cutoff = now - Window;
        lock (_pruneGate)
        {
            if (now - _lastPrune < Policy.PruneInterval) return;
            _lastPrune = now;
        }
        var store = _org.Store;
        foreach (var old in store.TombstonesSince(long.MinValue).Where(t => t.DeletedOn < cutoff).Take(Policy.MaxTombstonesPrunedPerPass))
        {
            store.RemoveTombstone(old);
        }
        foreach (var (text, issued) in _issued)
        {
            if (issued.IssuedOn < cutoff) _issued.TryRemove(text, out _);
        }
    }

    private bool IsExpired(DateTimeOffset issuedOn) =>
        issuedOn.UtcTicks < Interlocked.Read(ref _expiredBeforeTicks) || _org.Time.GetUtcNow() - issuedOn > Window;

    private sealed class IssuedToken(DateTimeOffset issuedOn)
    {
        public DateTimeOffset IssuedOn { get; } = issuedOn;
        // The same text can be handed out for two tables (no write between two reads in the same second).
        public ConcurrentDictionary<string, byte> Tables { get; } = new(StringComparer.Ordinal);
    }
}
