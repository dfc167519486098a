namespace SalesBridge.CrmImport.Preview;

/// <summary>One kind of record (accounts or contacts) as the preview found it: the plan's CRM ids per seat, their ties, what is saved now.</summary>
internal sealed record PreviewKind(string Kind, IReadOnlyDictionary<Guid, HashSet<Guid>> BySeat, IReadOnlyDictionary<Guid, PreviewTie> Ties,
    ILookup<Guid, SavedItemRow> SavedByOwner, IReadOnlyDictionary<Guid, (Guid CrmId, string Name)> SavedRecords);

/// <summary>
/// Turns the preview's facts into what each seat would get: the same <see cref="SavedItemDiff"/> a run applies, against the
/// seat holder's saved items of now, says what would be added and removed; only the first <see cref="Limit"/> items are listed.
/// </summary>
internal sealed class PreviewOutcome(PreviewKind accounts, PreviewKind contacts, IReadOnlyDictionary<Guid, string> targetNames, int limit)
{
    public int Limit => limit;

    public SeatPreview Seat(SyncingSeat seat, string email, string? crmUserName, int opportunities)
    {
        var (accountCounts, accountItems, accountDiff, accountRemovals) = Of(accounts, seat.UserId);
        var (contactCounts, contactItems, contactDiff, contactRemovals) = Of(contacts, seat.UserId);
        return new SeatPreview(seat.UserId, seat.Name, email, seat.CrmUserId, crmUserName, opportunities, accountCounts, contactCounts,
            accountDiff.Added + contactDiff.Added, accountDiff.Removed + contactDiff.Removed,
            accountItems, contactItems, [.. accountRemovals.Concat(contactRemovals).Take(limit)]);
    }

    /// <summary>A seat that does not sync: a run lets go of everything it had imported for it.</summary>
    public int WouldRemoveOf(Guid userId) =>
        SavedItemDiff.Between([], [.. accounts.SavedByOwner[userId]]).Removed + SavedItemDiff.Between([], [.. contacts.SavedByOwner[userId]]).Removed;

    private (PreviewCounts, List<PreviewItem>, SavedItemDiff, IEnumerable<PreviewRemoval>) Of(PreviewKind kind, Guid owner)
    {
        var crmIds = kind.BySeat.GetValueOrDefault(owner) ?? [];
        var found = crmIds.Where(kind.Ties.ContainsKey).Select(id => kind.Ties[id]).ToList();
        var saved = kind.SavedByOwner[owner].ToList();
        var diff = SavedItemDiff.Between(found.Select(t => new WantedItem(owner, t.RecordId, t.TargetId)), saved);
        var imported = saved.Where(r => r.Imported && r.RecordId is not null).Select(r => r.RecordId!.Value).ToHashSet();
        var matched = found.Count(t => t.TargetId is not null);
        var items = found.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.CrmId).Take(limit)
            .Select(t => new PreviewItem(t.CrmId, t.Name, t.TargetId, t.TargetId is { } target ? targetNames.GetValueOrDefault(target) : null,
                t.Score, t.State == CrmMatchState.ChosenByUser, imported.Contains(t.RecordId)))
            .ToList();
        var letGo = diff.Deletes.Concat(diff.NoLongerImported).ToHashSet();
        var removals = saved.Where(r => r.Imported && letGo.Contains(r.Id)).Select(r =>
        {
            (Guid CrmId, string Name)? known = r.RecordId is { } id && kind.SavedRecords.TryGetValue(id, out var record) ? record : null;
            var name = known?.Name is { Length: > 0 } shown ? shown : r.TargetId is { } target ? targetNames.GetValueOrDefault(target, "") : "";
            return new PreviewRemoval(kind.Kind, known?.CrmId, name, r.SavedByHand);
        });
        return (new PreviewCounts(found.Count, matched, found.Count - matched, crmIds.Count - found.Count), items, diff, removals);
    }
}
