using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Store;

/// <summary>
/// All rows of one org. Writers run one at a time inside <see cref="Write{T}"/>, all-or-nothing; readers
/// never block (see <see cref="TableStore"/>). A <see cref="BeginTransaction"/> groups many writes (a batch
/// change set) into one unit that commits or rolls back as a whole.
/// </summary>
public sealed class OrgStore
{
    private readonly Dictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(Guid, Guid)>> _associations = new(StringComparer.Ordinal);
    private readonly List<Tombstone> _tombstones = [];
    // Writers are serialized by a semaphore (not a lock) because a change set spans awaits; the data gate
    // guards the association and tombstone lists that readers also touch.
    private readonly SemaphoreSlim _writers = new(1, 1);
    private readonly Lock _dataGate = new();
    private readonly AsyncLocal<WriteScope?> _ambient = new();
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
        lock (_dataGate) _tables.TryAdd(definition.LogicalName, new TableStore(definition));
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
        // Inside a transaction the transaction's scope takes the writes; it undoes them all if the unit fails.
        if (_ambient.Value is { } ambient) return work(ambient);
        _writers.Wait();
        try
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
        finally
        {
            _writers.Release();
        }
    }

    /// <summary>
    /// Starts a unit of writes that spans several requests: every <see cref="Write{T}"/> in the same async flow
    /// joins it until it is committed or disposed (which rolls back). Other writers wait meanwhile.
    /// </summary>
    public OrgTransaction BeginTransaction()
    {
        if (_ambient.Value is not null) throw new InvalidOperationException("A transaction is already open in this flow.");
        _writers.Wait();
        var scope = new WriteScope(this);
        _ambient.Value = scope;
        return new OrgTransaction(scope, () =>
        {
            _ambient.Value = null;
            _writers.Release();
        });
    }

    public IReadOnlyList<Tombstone> TombstonesSince(long version)
    {
        lock (_dataGate) return _tombstones.Where(t => t.Version > version).ToArray();
    }

    public bool IsAssociated(string relationship, Guid first, Guid second)
    {
        lock (_dataGate) return _associations.TryGetValue(relationship, out var set) && set.Contains((first, second));
    }

    /// <summary>The rows associated through a many-to-many relationship, from either side.</summary>
    public IReadOnlyList<Guid> Associated(ManyToManyRelationship relationship, string fromTable, Guid id)
    {
        lock (_dataGate)
        {
            if (!_associations.TryGetValue(relationship.SchemaName, out var set)) return [];
            var fromFirst = relationship.Entity1LogicalName == fromTable;
            return set.Where(p => (fromFirst ? p.Item1 : p.Item2) == id).Select(p => fromFirst ? p.Item2 : p.Item1).ToArray();
        }
    }

    /// <summary>Links two rows through a many-to-many relationship; the pair is stored as (entity1, entity2).</summary>
    internal bool Associate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        lock (_dataGate)
        {
            if (!_associations.TryGetValue(relationship, out var set))
            {
                set = [];
                _associations[relationship] = set;
            }
            Interlocked.Increment(ref _associationVersion);
            return set.Add((entity1Id, entity2Id));
        }
    }

    internal bool Disassociate(string relationship, Guid entity1Id, Guid entity2Id)
    {
        lock (_dataGate)
        {
            Interlocked.Increment(ref _associationVersion);
            return _associations.TryGetValue(relationship, out var set) && set.Remove((entity1Id, entity2Id));
        }
    }

    internal long NextVersion() => Interlocked.Increment(ref _version);

    internal void AddTombstone(Tombstone tombstone)
    {
        lock (_dataGate) _tombstones.Add(tombstone);
    }

    internal void RemoveTombstone(Tombstone tombstone)
    {
        lock (_dataGate) _tombstones.Remove(tombstone);
    }
}
