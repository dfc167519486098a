namespace SalesBridge.Emulator.Store;

/// <summary>
/// One atomic unit of writes. Every change is logged with its undo, so that a failure anywhere in the unit
/// (a rule, a later request of a change set) puts the org back as it was.
/// </summary>
public sealed class WriteScope
{
    private readonly List<Action> _undo = [];

    internal WriteScope(OrgStore store) => Store = store;

    public OrgStore Store { get; }

    public long NextVersion() => Store.NextVersion();

    public void Put(EntityRow row)
    {
        var table = Store.Table(row.Table);
        var before = table.Find(row.Id);
        table.Put(row, before);
        _undo.Add(() =>
        {
            table.Remove(row);
            if (before is not null) table.Put(before, null);
        });
    }

    public void Remove(EntityRow row, DateTimeOffset now)
    {
        var table = Store.Table(row.Table);
        table.Remove(row);
        var tombstone = new Tombstone(row.Table, row.Id, NextVersion(), now);
        Store.AddTombstone(tombstone);
        _undo.Add(() =>
        {
            Store.RemoveTombstone(tombstone);
            table.Put(row, null);
        });
    }

    public bool Associate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        var added = Store.Associate(relationship, entity1Id, entity2Id);
        if (added) _undo.Add(() => Store.Disassociate(relationship, entity1Id, entity2Id));
        return added;
    }

    public bool Disassociate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        var removed = Store.Disassociate(relationship, entity1Id, entity2Id);
        if (removed) _undo.Add(() => Store.Associate(relationship, entity1Id, entity2Id));
        return removed;
    }

    internal void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--) _undo[i]();
        _undo.Clear();
    }
}
