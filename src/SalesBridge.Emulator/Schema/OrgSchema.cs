namespace SalesBridge.Emulator.Schema;

/// <summary>
/// The tables and relationships of one org, with the indexes the Web API needs: entity set names and
/// navigation properties per table. Custom tables can be added at run time (issue: custom activity tables).
/// </summary>
public sealed class OrgSchema
{
    private readonly Dictionary<string, TableDefinition> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableDefinition> _bySet = new(StringComparer.Ordinal);
    private readonly List<OneToManyRelationship> _oneToMany = [];
    private readonly List<ManyToManyRelationship> _manyToMany = [];
    private readonly Dictionary<string, Dictionary<string, NavigationProperty>> _navigation = new(StringComparer.Ordinal);
    private long _version;

    public IEnumerable<TableDefinition> Tables => _tables.Values;

    /// <summary>
    /// Changes whenever a table, column, key or relationship is added, so that what is derived from the schema
    /// (the EDM model) can tell it is stale.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);
    public IReadOnlyList<OneToManyRelationship> OneToManyRelationships => _oneToMany;
    public IReadOnlyList<ManyToManyRelationship> ManyToManyRelationships => _manyToMany;

    public void AddTable(TableDefinition table)
    {
        _tables.Add(table.LogicalName, table);
        _bySet.Add(table.EntitySetName, table);
        _navigation.TryAdd(table.LogicalName, new(StringComparer.Ordinal));
        Interlocked.Increment(ref _version);
    }

    /// <summary>Adds a column to a table of the schema after the org started (a column created through metadata).</summary>
    public void AddAttribute(TableDefinition table, AttributeDefinition attribute)
    {
        table.Add(attribute);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Adds an alternate key to a table of the schema after the org started.</summary>
    public void AddKey(TableDefinition table, AlternateKeyDefinition key)
    {
        table.AddKey(key);
        Interlocked.Increment(ref _version);
    }

    public void AddRelationship(OneToManyRelationship relationship)
    {
        _oneToMany.Add(relationship);
        Interlocked.Increment(ref _version);
        Navigation(relationship.ReferencingEntity)[relationship.ReferencingEntityNavigationPropertyName] = new(
            relationship.ReferencingEntityNavigationPropertyName, NavigationKind.ManyToOne, relationship.ReferencingEntity,
            relationship.ReferencedEntity, relationship.ReferencingAttribute, relationship.SchemaName);
        Navigation(relationship.ReferencedEntity)[relationship.ReferencedEntityNavigationPropertyName] = new(
            relationship.ReferencedEntityNavigationPropertyName, NavigationKind.OneToMany, relationship.ReferencedEntity,
            relationship.ReferencingEntity, relationship.ReferencingAttribute, relationship.SchemaName);
    }

    public void AddRelationship(ManyToManyRelationship relationship)
    {
        _manyToMany.Add(relationship);
        Interlocked.Increment(ref _version);
        Navigation(relationship.Entity1LogicalName)[relationship.Entity1NavigationPropertyName] = new(
            relationship.Entity1NavigationPropertyName, NavigationKind.ManyToMany, relationship.Entity1LogicalName,
            relationship.Entity2LogicalName, null, relationship.SchemaName);
        Navigation(relationship.Entity2LogicalName)[relationship.Entity2NavigationPropertyName] = new(
            relationship.Entity2NavigationPropertyName, NavigationKind.ManyToMany, relationship.Entity2LogicalName,
            relationship.Entity1LogicalName, null, relationship.SchemaName);
    }

    public TableDefinition? FindTable(string logicalName) => _tables.GetValueOrDefault(logicalName);

    public TableDefinition? FindBySetName(string entitySetName) => _bySet.GetValueOrDefault(entitySetName);

    public TableDefinition GetTable(string logicalName) =>
        _tables.TryGetValue(logicalName, out var table)
            ? table
            : throw new InvalidOperationException($"No table {logicalName} in the schema.");

    public NavigationProperty? FindNavigation(string table, string name) =>
        _navigation.TryGetValue(table, out var byName) ? byName.GetValueOrDefault(name) : null;

    public IEnumerable<NavigationProperty> NavigationProperties(string table) =>
        _navigation.TryGetValue(table, out var byName) ? byName.Values : [];

    /// <summary>The single-valued navigation property through which <paramref name="lookup"/> points at <paramref name="target"/>.</summary>
    public NavigationProperty? FindLookupNavigation(string table, string lookup, string target) =>
        NavigationProperties(table).FirstOrDefault(n =>
            n.Kind == NavigationKind.ManyToOne && n.LookupAttribute == lookup && n.TargetTable == target);

    public IEnumerable<TableDefinition> ActivityTables => _tables.Values.Where(t => t.IsActivity && !t.IsActivityUnion);

    private Dictionary<string, NavigationProperty> Navigation(string table)
    {
        if (!_navigation.TryGetValue(table, out var byName))
        {
            byName = new(StringComparer.Ordinal);
            _navigation[table] = byName;
        }
        return byName;
    }
}
