using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.Persistence;

namespace SalesBridge.CrmSeats;

/// <summary>
/// What ties a contract's seats to its CRM users: the user snapshot by email, the connection's state and the auto-sync
/// setting, read once so a page of seats is judged against the same facts.
/// </summary>
public sealed class SeatCrmTies
{
    private readonly ILookup<string, CrmUserSnapshot> _byEmail;
    private readonly OrgConnection? _connection;
    private readonly bool _autoSyncAllSeats;

    private SeatCrmTies(IEnumerable<CrmUserSnapshot> users, OrgConnection? connection, bool autoSyncAllSeats, DateTimeOffset? refreshedAt)
    {
        _byEmail = users.Where(u => u.Email is not null).ToLookup(u => CrmUserRules.EmailKey(u.Email)!);
        _connection = connection;
        _autoSyncAllSeats = autoSyncAllSeats;
        RefreshedAt = refreshedAt;
    }

    /// <summary>When the CRM's users were last read; null when never.</summary>
    public DateTimeOffset? RefreshedAt { get; }

    public bool IsConnected => _connection is not null && _connection.Status != OrgConnectionStatus.Disconnected;

    public bool AutoSyncAllSeats => _autoSyncAllSeats;

    public static async Task<SeatCrmTies> LoadAsync(SalesBridgeDbContext db, Guid contractId, CancellationToken cancellationToken)
    {
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);
        // No settings row yet means the defaults, which sync every seat (ContractCrmSettings.AutoSyncAllSeats).
        var autoSync = await db.CrmSettings.Where(s => s.ContractId == contractId).Select(s => (bool?)s.AutoSyncAllSeats).SingleOrDefaultAsync(cancellationToken) ?? true;
        var users = await db.CrmUserSnapshots.AsNoTracking().Where(u => u.ContractId == contractId).ToListAsync(cancellationToken);
        return new SeatCrmTies(users, connection, autoSync, users.Count == 0 ? null : users.Max(u => u.RefreshedAt));
    }

    /// <summary>The enabled CRM user a seat holder with <paramref name="email"/> is tied to, if any.</summary>
    public CrmUserSnapshot? TiedUser(string? email) =>
        IsConnected && CrmUserRules.EmailKey(email) is { } key ? _byEmail[key].FirstOrDefault(u => u.IsEnabled) : null;

    public SeatCrmStatus Describe(string? email, bool crmSyncEnabled)
    {
        var tied = TiedUser(email);
        var notInCrm = tied is not null ? null
            : !IsConnected ? SeatCrmReasons.NotConnected
            : RefreshedAt is null ? SeatCrmReasons.NotRefreshed
            : CrmUserRules.EmailKey(email) is not { } key ? SeatCrmReasons.NoEmail
            : _byEmail[key].Any() ? SeatCrmReasons.CrmUserDisabled
            : SeatCrmReasons.NoCrmUser;
        // Effective sync (S6, S18, B8): tied, chosen (all seats or this one), and the connection not paused.
        var syncReason = tied is null ? SeatCrmReasons.NotInCrm
            : !CheckConnectionHealth.SyncAllowed(_connection!) ? SeatCrmReasons.SyncPaused
            : _autoSyncAllSeats ? SeatCrmReasons.AutoSync
            : crmSyncEnabled ? SeatCrmReasons.SeatEnabled
            : SeatCrmReasons.SeatNotEnabled;
        var syncs = syncReason is SeatCrmReasons.AutoSync or SeatCrmReasons.SeatEnabled;
        return new SeatCrmStatus(tied is not null, tied?.FullName, notInCrm, crmSyncEnabled, syncs, syncReason);
    }
}
