namespace SalesBridge.CrmImport.Preview;

/// <summary>
/// What a run would do now (SPEC B4), per seat, read live from the CRM without changing anything.
/// </summary>
/// <param name="StageColumn">The pipeline stage column of the settings; null with <i>Not Sure</i> (every open opportunity counts).</param>
/// <param name="StageLabel">The chosen stage's label as the org names it; null with <i>Not Sure</i>.</param>
/// <param name="ItemsPerSeat">At most this many accounts, contacts and removals are listed per seat; the totals count all.</param>
/// <param name="CrmUsersReadAt">When the CRM's users were last read: seats are tied by that list (a run reads it again first).</param>
/// <param name="CrmRequests">Requests the preview sent to the CRM.</param>
public sealed record ImportPreview(DateTimeOffset At, string? StageColumn, string? StageLabel, int ItemsPerSeat, DateTimeOffset? CrmUsersReadAt,
    IReadOnlyList<SeatPreview> Seats, IReadOnlyList<SeatNotSyncing> SeatsNotSyncing, long CrmRequests);

/// <summary>A syncing seat: what its open, in-stage opportunities bring in, how it matches, and how its saved items would change.</summary>
/// <param name="WouldAdd">Saved accounts and leads a run would add (or start importing) for the seat holder.</param>
/// <param name="WouldRemove">Imported saved items a run would take away (a hand-saved one stays, only no longer imported).</param>
public sealed record SeatPreview(Guid UserId, string Name, string Email, Guid CrmUserId, string? CrmUserName, int Opportunities,
    PreviewCounts Accounts, PreviewCounts Contacts, int WouldAdd, int WouldRemove,
    IReadOnlyList<PreviewItem> AccountItems, IReadOnlyList<PreviewItem> ContactItems, IReadOnlyList<PreviewRemoval> Removals);

/// <param name="NotReadable">CRM ids an opportunity refers to that the CRM did not return (deleted, or not readable by the connected user).</param>
public sealed record PreviewCounts(int Total, int Matched, int Unmatched, int NotReadable);

/// <summary>A CRM account or contact a seat holder's opportunities bring in.</summary>
/// <param name="MatchedId">The workspace company or person it is (or would be) tied to; null when unmatched.</param>
/// <param name="Score">The match probability of the pair, or of the best candidate when unmatched.</param>
/// <param name="ChosenByUser">A person chose the match ("Edit match"); the import keeps it.</param>
/// <param name="AlreadyImported">The seat holder already has it from an earlier run.</param>
public sealed record PreviewItem(Guid CrmId, string Name, Guid? MatchedId, string? MatchedName, double? Score, bool ChosenByUser, bool AlreadyImported)
{
    public bool Matched => MatchedId is not null;
}

/// <summary>An imported saved item a run would take away; <see cref="KeptByHand"/>: the seat holder saved it by hand, so it stays, no longer imported.</summary>
public sealed record PreviewRemoval(string Kind, Guid? CrmId, string Name, bool KeptByHand);

/// <summary>A seat that does not sync, with the reason; <see cref="WouldRemove"/> counts what it still holds from earlier runs.</summary>
public sealed record SeatNotSyncing(Guid UserId, string Name, string Email, string Reason, int WouldRemove);
