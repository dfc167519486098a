namespace SalesBridge.CrmImport;

/// <summary>
/// A saved lead or saved account as the import sees it: whose it is, the directory record it stands for
/// (<see cref="TargetId"/>: person or company), the CRM record behind it, and how it came to be saved.
/// </summary>
internal sealed record SavedItemRow(Guid Id, Guid OwnerId, Guid? TargetId, Guid? RecordId, bool SavedByHand, bool Imported);

/// <summary>A CRM record a seat holder's opportunities bring in, with the directory record it is matched to.</summary>
internal sealed record WantedItem(Guid OwnerId, Guid RecordId, Guid? TargetId);

/// <summary>
/// The saved items a run compares when it compares only touched records: those of the records (their ids, not CRM
/// ids) and those the seat holders wanting them (<see cref="OwnerIds"/>) have of the people or companies the plan ties
/// them to. Items of other records are left as they are.
/// </summary>
internal sealed record SavedItemScope(IReadOnlySet<Guid> RecordIds, IReadOnlySet<Guid> OwnerIds, IReadOnlySet<Guid> TargetIds);

/// <summary>A change to an existing saved item; null fields stay as they are.</summary>
internal sealed record SavedItemChange(Guid Id, Guid? TargetId, bool SetTarget, Guid? RecordId, bool SetRecord, bool Imported);

/// <summary>
/// Turns what the plan wants and what is saved into changes, applied in this order so the one-row-per-seat-holder
/// rules (per person or company, per CRM record) hold after every statement: <see cref="Deletes"/>, <see cref="Releases"/>,
/// <see cref="Updates"/>, <see cref="Inserts"/>. What a seat holder saved by hand is never deleted (S10); it only stops
/// being imported.
/// </summary>
internal sealed class SavedItemDiff
{
    public List<Guid> Deletes { get; } = [];
    public List<SavedItemChange> Releases { get; } = [];
    public List<SavedItemChange> Updates { get; } = [];
    public List<WantedItem> Inserts { get; } = [];

    /// <summary>Saved items the import now holds (kept or newly brought in) — they belong on the seat holder's system list.</summary>
    public HashSet<Guid> Imported { get; } = [];

    /// <summary>Saved items the import let go of and the seat holder keeps — they leave the system list.</summary>
    public HashSet<Guid> NoLongerImported { get; } = [];

    public int Added { get; private set; }
    public int Removed { get; private set; }
    public int Rematched { get; private set; }

    /// <param name="scope">When only some records are compared: imported items of other records are not let go of.</param>
    public static SavedItemDiff Between(IEnumerable<WantedItem> wanted, IReadOnlyCollection<SavedItemRow> saved, SavedItemScope? scope = null)
    {
        var diff = new SavedItemDiff();
        var byRecord = saved.Where(r => r.RecordId is not null).ToDictionary(r => (r.OwnerId, r.RecordId!.Value));
        var byTarget = saved.Where(r => r.TargetId is not null).ToDictionary(r => (r.OwnerId, r.TargetId!.Value));
        var kept = new HashSet<Guid>();
        var released = new HashSet<Guid>();
        foreach (var want in wanted)
        {
            // A row already decided for another record (matches swapped between two records) is not decided twice.
            var ofRecord = byRecord.GetValueOrDefault((want.OwnerId, want.RecordId)) is { } r1 && !kept.Contains(r1.Id) && !released.Contains(r1.Id) ? r1 : null;
            var ofTarget = want.TargetId is { } target && byTarget.GetValueOrDefault((want.OwnerId, target)) is { } r2
                && !kept.Contains(r2.Id) && !released.Contains(r2.Id) ? r2 : null;
            if (ofRecord is not null && ofRecord.TargetId == want.TargetId)
            {
                diff.Keep(ofRecord, want, kept, setRecord: false);
            }
            else if (ofTarget is not null)
            {
                // The seat holder already has the matched person or company: that row takes the CRM record.
                if (ofRecord is not null && ofRecord.Id != ofTarget.Id) diff.Release(ofRecord, released);
                diff.Keep(ofTarget, want, kept, setRecord: true);
            }
            else if (ofRecord is not null && !ofRecord.SavedByHand)
            {
                // Matching now ties the record to another person or company (or to none): the imported row follows it.
                diff.Updates.Add(new SavedItemChange(ofRecord.Id, want.TargetId, SetTarget: true, null, SetRecord: false, Imported: true));
                diff.Rematched++;
                diff.Imported.Add(ofRecord.Id);
                if (!ofRecord.Imported) diff.Added++;
                kept.Add(ofRecord.Id);
            }
            else
            {
                // A hand-saved row stays with the person it was saved for; the record gets a row of its own.
                if (ofRecord is not null) diff.Release(ofRecord, released);
                diff.Inserts.Add(want);
                diff.Added++;
            }
        }
        foreach (var row in saved.Where(r => r.Imported && !kept.Contains(r.Id) && !released.Contains(r.Id)
            && (scope is null || r.RecordId is { } record && scope.RecordIds.Contains(record))))
        {
            diff.Release(row, released);
        }
        return diff;
    }

    private void Keep(SavedItemRow row, WantedItem want, HashSet<Guid> kept, bool setRecord)
    {
        kept.Add(row.Id);
        Imported.Add(row.Id);
        if (!row.Imported) Added++;
        if (setRecord || !row.Imported)
        {
            Updates.Add(new SavedItemChange(row.Id, null, SetTarget: false, want.RecordId, SetRecord: setRecord, Imported: true));
        }
    }

    /// <summary>The import lets go of a row: gone when only the import had saved it, else kept by hand without the import's tie.</summary>
    private void Release(SavedItemRow row, HashSet<Guid> released)
    {
        if (!released.Add(row.Id)) return;
        if (row.Imported) Removed++;
        if (row.SavedByHand)
        {
            Releases.Add(new SavedItemChange(row.Id, null, SetTarget: false, null, SetRecord: true, Imported: false));
            NoLongerImported.Add(row.Id);
        }
        else
        {
            Deletes.Add(row.Id);
        }
    }
}
