using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Store;

/// <summary>
/// All rows of one org. Writers run one at a time inside <see cref="Write{T}"/>, all-or-nothing; readers
/// never block (see <see cref="TableStore"/>).
/// </summary>
public sealed class OrgStore
{
    private readonly Dictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(Guid, Guid)>> _associations = new(StringComparer.Ordinal);
    private readonly List<Tombstone> _tombstones = [];
    private readonly Lock _writeGate = new();
    private long _version = 1000;
    private long _associationVersion;

    public OrgStore(OrgSchema schema)
    {
        Schema = schema;
        foreach (var table in schema.Tables) AddTable(table);
    }

    public OrgSchema Schema { get; }

    /// <summary>The latest row version handed out; change tracking compares against it.</summary>
    public long CurrentVersion => Interlocked.Read(ref _version);

    /// <summary>Changes whenever a many-to-many link is added or removed, so that caches of role membership can tell.</summary>
    public long AssociationVersion => Interlocked.Read(ref _associationVersion);

    public TableStore Table(string logicalName) =>
        _tables.TryGetValue(logicalName, out var table)
            ? table
            : throw new InvalidOperationException($"No table {logicalName} in the store.");

    public TableStore? FindTable(string logicalName) => _tables.GetValueOrDefault(logicalName);

    public void AddTable(TableDefinition definition)
    {
        lock (_writeGate) _tables.TryAdd(definition.LogicalName, new TableStore(definition));
    }

    /// <summary>Finds a row in any table; for the activity union, in whichever activity table holds it.</summary>
    public EntityRow? Find(string table, Guid id)
    {
        var definition = Schema.FindTable(table);
        if (definition is { IsActivityUnion: true })
        {
            foreach (var activity in Schema.ActivityTables)
            {
                if (Table(activity.LogicalName).Find(id) is { } row) return row;
            }
            return null;
        }
        return FindTable(table)?.Find(id);
    }

    /// <summary>Runs <paramref name="work"/> as one atomic unit: if it throws, every change it made is undone.</summary>
    public T Write<T>(Func<WriteScope, T> work)
    {
        lock (_writeGate)
        {
            var scope = new WriteScope(this);
            try
            {
                return work(scope);
            }
            catch
            {
                scope.Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<Tombstone> TombstonesSince(long version)
    {
        lock (_writeGate) return _tombstones.Where(t => t.Version > version).ToArray();
    }

    public bool IsAssociated(string relationship, Guid first, Guid second)
    {
        lock (_writeGate) return _associations.TryGetValue(relationship, out var set) && set.Contains((first, second));
    }

    /// <summary>The rows associated through a many-to-many relationship, from either side.</summary>
    public IReadOnlyList<Guid> Associated(ManyToManyRelationship relationship, string fromTable, Guid id)
    {
        lock (_writeGate)
        {
            if (!_associations.TryGetValue(relationship.SchemaName, out var set)) return [];
            var fromFirst = relationship.Entity1LogicalName == fromTable;
            return set.Where(p => (fromFirst ? p.Item1 : p.Item2) == id).Select(p => fromFirst ? p.Item2 : p.Item1).ToArray();
        }
    }

    /// <summary>Links two rows through a many-to-many relationship; the pair is stored as (entity1, entity2).</summary>
    internal bool Associate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        if (!_associations.TryGetValue(relationship, out var set))
        {
            set = [];
            _associations[relationship] = set;
        }
        Interlocked.Increment(ref _associationVersion);
        return set.Add((entity1Id, entity2Id));
    }

    internal bool Disassociate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        Interlocked.Increment(ref _associationVersion);
        return _associations.TryGetValue(relationship, out var set) && set.Remove((entity1Id, entity2Id));
    }

    internal long NextVersion() => Interlocked.Increment(ref _version);

    internal void AddTombstone(Tombstone tombstone) => _tombstones.Add(tombstone);
}
