namespace SalesBridge.WriteBackReports;

/// <summary>
/// One person (or, for account notes, one company) of the unresolved task report (S15): the open activities written for
/// them because they have no CRM record yet. <see cref="SavedLeadId"/>/<see cref="SavedAccountId"/> are the caller's own saved
/// lead or account of them, whose page has Edit match and Create record; null when the caller has not saved them.
/// </summary>
public sealed record UnresolvedRow(
    Guid? PersonId,
    Guid? CompanyId,
    string Name,
    string? Title,
    string? CompanyName,
    int OpenActivities,
    DateTimeOffset Oldest,
    IReadOnlyList<UnresolvedSeatHolder> SeatHolders,
    Guid? SavedLeadId,
    Guid? SavedAccountId);

/// <summary>A seat holder who has open activities on the person.</summary>
public sealed record UnresolvedSeatHolder(Guid UserId, string DisplayName);
