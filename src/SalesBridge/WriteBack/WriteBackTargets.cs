using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.CrmRecords;
using SalesBridge.CrmSeats;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.WriteBack;

/// <summary>
/// What decides where and whether a contract's items go, read once per pass: the settings (S12, S13, S16), the connection,
/// each seat holder's CRM user (S16, S18) and the CRM record behind each person and company (S15).
/// </summary>
internal sealed class WriteBackTargets
{
    private readonly ContractCrmSettings _settings;
    private readonly OrgConnection? _connection;
    private readonly Dictionary<Guid, (Guid? SystemUserId, string? Reason)> _seats;
    private readonly Dictionary<Guid, Guid> _contactByPerson;
    private readonly Dictionary<Guid, Guid> _accountByCompany;

    private WriteBackTargets(ContractCrmSettings settings, OrgConnection? connection, Dictionary<Guid, (Guid?, string?)> seats,
        Dictionary<Guid, Guid> contactByPerson, Dictionary<Guid, Guid> accountByCompany)
    {
        _settings = settings;
        _connection = connection;
        _seats = seats;
        _contactByPerson = contactByPerson;
        _accountByCompany = accountByCompany;
    }

    public ContractCrmSettings Settings => _settings;

    /// <summary>CRM rows found missing during this pass (deleted in the CRM since the last import); never bound again in it.</summary>
    public HashSet<Guid> MissingRecords { get; } = [];

    public static async Task<WriteBackTargets> LoadAsync(SalesBridgeDbContext db, Guid contractId, IReadOnlyCollection<WriteBackItem> items,
        CancellationToken cancellationToken)
    {
        var settings = await db.CrmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken) ?? new ContractCrmSettings();
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);
        var ties = await SeatCrmTies.LoadAsync(db, contractId, cancellationToken);
        var holderIds = items.Select(i => i.SeatHolderId).Distinct().ToList();
        var seats = await db.Seats.AsNoTracking().Where(s => s.ContractId == contractId && holderIds.Contains(s.UserId))
            .Select(s => new { s.UserId, s.User.Email, s.CrmSyncEnabled }).ToListAsync(cancellationToken);
        var seatTargets = seats.ToDictionary(s => s.UserId, s =>
        {
            var status = ties.Describe(s.Email, s.CrmSyncEnabled);
            return status.Syncs ? ((Guid?)ties.TiedUser(s.Email)!.SystemUserId, (string?)null) : (null, status.NotInCrmReason ?? status.SyncReason);
        });

        var personIds = items.Where(i => i.PersonId is not null).Select(i => i.PersonId!.Value).Distinct().ToList();
        var contacts = await db.CrmContacts.AsNoTracking()
            .Where(c => c.ContractId == contractId && c.PersonId != null && personIds.Contains(c.PersonId.Value) && !c.RemovedFromCrm)
            .Select(c => new { PersonId = c.PersonId!.Value, c.CrmId }).ToListAsync(cancellationToken);
        var companyIds = items.Where(i => i.PersonId is null && i.CompanyId is not null).Select(i => i.CompanyId!.Value).Distinct().ToList();
        var accounts = await db.CrmAccounts.AsNoTracking()
            .Where(a => a.ContractId == contractId && a.CompanyId != null && companyIds.Contains(a.CompanyId.Value) && !a.RemovedFromCrm)
            .Select(a => new { CompanyId = a.CompanyId!.Value, a.CrmId }).ToListAsync(cancellationToken);
        // One CRM record per person is the rule of the matching (one-to-one); should two ever point at one person, the
        // lowest id is taken so every pass picks the same one.
        return new WriteBackTargets(settings, connection, seatTargets,
            contacts.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Min(c => c.CrmId)),
            accounts.GroupBy(a => a.CompanyId).ToDictionary(g => g.Key, g => g.Min(a => a.CrmId)));
    }

    /// <summary>Why nothing of the contract can be written now, or null when the connection and the switch allow it.</summary>
    public string? ContractHold()
    {
        if (_connection is null or { Status: OrgConnectionStatus.Disconnected }) return WriteBackReasons.NotConnected;
        if (!CheckConnectionHealth.SyncAllowed(_connection)) return WriteBackReasons.ConnectionPaused;
        if (!_settings.WriteBackEnabled) return WriteBackReasons.WriteBackOff;
        if (_settings.SolutionDetectedAt is null) return WriteBackReasons.SolutionMissing;
        return null;
    }

    /// <summary>The seat holder's CRM user, or why their items wait.</summary>
    public (Guid? SystemUserId, string? Reason) SeatOf(Guid seatHolderId) =>
        _seats.TryGetValue(seatHolderId, out var seat) ? seat : (null, WriteBackReasons.NoSeat);

    /// <summary>The CRM record the item's activity should regard, or null while the person or company has none.</summary>
    public (string Table, Guid CrmId)? RegardingOf(WriteBackItem item)
    {
        if (item.PersonId is { } personId)
        {
            return _contactByPerson.TryGetValue(personId, out var contact) && !MissingRecords.Contains(contact) ? (CrmRecordLink.Contact, contact) : null;
        }
        if (item.CompanyId is { } companyId)
        {
            return _accountByCompany.TryGetValue(companyId, out var account) && !MissingRecords.Contains(account) ? (CrmRecordLink.Account, account) : null;
        }
        return null;
    }

    /// <summary>The record the item was matched to when this pass found it deleted in the CRM; null otherwise.</summary>
    public (string Table, Guid CrmId)? GoneRecordOf(WriteBackItem item) =>
        item.PersonId is { } personId && _contactByPerson.TryGetValue(personId, out var contact) && MissingRecords.Contains(contact) ? (CrmRecordLink.Contact, contact)
        : item.PersonId is null && item.CompanyId is { } companyId && _accountByCompany.TryGetValue(companyId, out var account) && MissingRecords.Contains(account)
            ? (CrmRecordLink.Account, account)
        : null;

    public string OrganizationUrl => _connection!.OrganizationUrl;
}
