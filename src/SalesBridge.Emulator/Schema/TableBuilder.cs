namespace SalesBridge.Emulator.Schema;

/// <summary>
/// Declares a table's columns and lookups compactly. Lookups also declare their relationships, so that
/// navigation properties, <c>@odata.bind</c> and <c>$expand</c> all come from one definition.
/// </summary>
public sealed class TableBuilder
{
    private readonly OrgSchema _schema;
    private readonly List<OneToManyRelationship> _pending = [];

    public TableBuilder(OrgSchema schema, TableDefinition table)
    {
        _schema = schema;
        Table = table;
        table.Add(new AttributeDefinition
        {
            LogicalName = table.PrimaryIdAttribute, Type = AttributeType.Uniqueidentifier, IsPrimaryId = true,
            DisplayName = table.DisplayName,
        });
    }

    public TableDefinition Table { get; }

    public TableBuilder String(string name, int maxLength = 100, bool primaryName = false, string? required = null)
    {
        Table.Add(new AttributeDefinition
        {
            LogicalName = name, Type = AttributeType.String, MaxLength = maxLength, IsPrimaryName = primaryName,
            RequiredLevel = required ?? (primaryName ? "ApplicationRequired" : "None"),
        });
        return this;
    }

    public TableBuilder Memo(string name, int maxLength = 2000) =>
        Add(new AttributeDefinition { LogicalName = name, Type = AttributeType.Memo, MaxLength = maxLength });

    public TableBuilder Column(string name, AttributeType type, bool writable = true, bool custom = false, string? displayName = null) =>
        Add(new AttributeDefinition { LogicalName = name, Type = type, IsValidForWrite = writable, IsCustomAttribute = custom, DisplayName = displayName });

    public TableBuilder Choice(string name, OptionSetDefinition options, AttributeType type = AttributeType.Picklist, bool custom = false,
        string? displayName = null) =>
        Add(new AttributeDefinition { LogicalName = name, Type = type, OptionSet = options, IsCustomAttribute = custom, DisplayName = displayName });

    /// <summary>A lookup to one table; <paramref name="relationship"/> names the 1:N relationship.</summary>
    public TableBuilder Lookup(string name, string target, string relationship, string? navigation = null,
        string? collection = null, bool writable = true, AttributeType type = AttributeType.Lookup)
    {
        Add(new AttributeDefinition { LogicalName = name, Type = type, Targets = [target], IsValidForWrite = writable });
        _pending.Add(new OneToManyRelationship(relationship, target, Table.LogicalName, name, navigation ?? name, collection ?? relationship));
        return this;
    }

    /// <summary>
    /// A polymorphic lookup (customer, regarding, connection record). Each target gets its own relationship
    /// and a type-qualified navigation property (<c>parentcustomerid_account</c>).
    /// </summary>
    public TableBuilder Polymorphic(string name, AttributeType type, params (string Target, string Relationship, string Navigation)[] targets)
    {
        Add(new AttributeDefinition { LogicalName = name, Type = type, Targets = targets.Select(t => t.Target).ToArray() });
        foreach (var (target, relationship, navigation) in targets)
        {
            _pending.Add(new OneToManyRelationship(relationship, target, Table.LogicalName, name, navigation, relationship));
        }
        return this;
    }

    public TableBuilder Key(string name, params string[] attributes)
    {
        Table.AddKey(new AlternateKeyDefinition(name, attributes));
        return this;
    }

    public TableBuilder Add(AttributeDefinition attribute)
    {
        Table.Add(attribute);
        return this;
    }

    /// <summary>Registers the table and its relationships with the schema.</summary>
    public TableDefinition Build()
    {
        if (_schema.FindTable(Table.LogicalName) is null) _schema.AddTable(Table);
        foreach (var relationship in _pending) _schema.AddRelationship(relationship);
        _pending.Clear();
        return Table;
    }
}
