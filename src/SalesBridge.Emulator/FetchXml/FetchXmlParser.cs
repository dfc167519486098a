using System.Xml;
using System.Xml.Linq;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>
/// Reads a FetchXML document into a <see cref="FetchQuery"/>, checking every table, column and operator
/// against the org's schema so that evaluation cannot meet an unknown name.
/// </summary>
public sealed partial class FetchXmlParser
{
    /// <summary>The largest page (<c>count</c>) and <c>top</c> Dataverse accepts.</summary>
    public const int MaxPageSize = 5000;

    private readonly OrgSchema _schema;
    private readonly Dictionary<string, TableDefinition> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<XElement, string> _linkAliases = [];
    private readonly Dictionary<string, int> _generatedAliases = new(StringComparer.Ordinal);

    private FetchXmlParser(OrgSchema schema) => _schema = schema;

    public static FetchQuery Parse(OrgSchema schema, string fetchXml) => new FetchXmlParser(schema).ParseDocument(fetchXml);

    private FetchQuery ParseDocument(string fetchXml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(fetchXml);
        }
        catch (XmlException e)
        {
            throw FetchXmlErrors.Malformed(e.Message);
        }
        if (root.Name.LocalName != "fetch") throw FetchXmlErrors.InvalidChild("root", root.Name.LocalName, "fetch");
        var entities = root.Elements().ToList();
        if (entities.Count != 1 || entities[0].Name.LocalName != "entity")
        {
            throw FetchXmlErrors.InvalidChild("fetch", entities.FirstOrDefault(e => e.Name.LocalName != "entity")?.Name.LocalName ?? "entity", "entity");
        }
        var count = PositiveInt(root, "count");
        var top = PositiveInt(root, "top");
        var page = PositiveInt(root, "page");
        if (count > MaxPageSize || top > MaxPageSize)
        {
            // Documented limit ("This value cannot exceed 5,000"); the error text is not documented.
            throw FetchXmlErrors.Invalid($"The {(count > MaxPageSize ? "count" : "top")} attribute cannot exceed {MaxPageSize}.", FetchXmlErrors.InvalidPaging);
        }
        if (top is not null && (count is not null || page is not null))
        {
            // Documented: "Don't use the fetch element top attribute with paging"; the error text is not documented.
            throw FetchXmlErrors.Invalid("The top attribute can't be specified with paging attributes page and count.", FetchXmlErrors.InvalidPaging);
        }
        var returnTotal = Bool(root, "returntotalrecordcount");
        if (returnTotal && top is not null)
        {
            // Documented: "You can't apply the fetch element top attribute together with returntotalrecordcount".
            throw FetchXmlErrors.Invalid("The top attribute can't be used together with returntotalrecordcount.", FetchXmlErrors.InvalidPaging);
        }

        var entityElement = entities[0];
        var table = FindTable(Required(entityElement, "name"));
        // Aliases first, so that a condition may name (entityname) a link-entity that comes after its filter.
        CollectAliases(entityElement, table);
        var entity = ParseEntity(entityElement, table, alias: null);
        return new FetchQuery(entity, count, page, (string?)root.Attribute("paging-cookie"), top, Bool(root, "distinct"), returnTotal,
            Bool(root, "useraworderby"));
    }

    private FetchEntity ParseEntity(XElement element, TableDefinition table, string? alias)
    {
        var columns = new List<FetchColumn>();
        var orders = new List<FetchOrder>();
        var links = new List<FetchLink>();
        var filters = new List<FetchFilter>();
        var allColumns = false;
        const string valid = "filter, order, link-entity, attribute, all-attributes, no-attrs";
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    if (child.Attribute("aggregate") is not null || child.Attribute("groupby") is not null)
                    {
                        throw FetchXmlErrors.Invalid("Aggregate queries are not supported by the emulator.");
                    }
                    columns.Add(new FetchColumn(Attribute(table, Required(child, "name")), (string?)child.Attribute("alias")));
                    break;
                case "all-attributes": allColumns = true; break;
                case "no-attrs": break;
                case "order":
                    orders.Add(ParseOrder(child, table, alias));
                    break;
                case "filter": filters.Add(ParseFilter(child, table)); break;
                case "link-entity": links.Add(ParseLink(child, table)); break;
                default: throw FetchXmlErrors.InvalidChild(element.Name.LocalName, child.Name.LocalName, valid);
            }
        }
        var filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new FetchFilter(false, [], filters) };
        return new FetchEntity(table, alias, columns, allColumns, filter, orders, links);
    }

    private FetchOrder ParseOrder(XElement element, TableDefinition table, string? ownerAlias)
    {
        var entityAlias = (string?)element.Attribute("entityname");
        if (entityAlias is not null) table = AliasedTable(entityAlias);
        return new FetchOrder(entityAlias ?? ownerAlias, Attribute(table, Required(element, "attribute")), Bool(element, "descending"));
    }

    // Undocumented text: an entityname must be the alias of a link-entity of the query.
    private TableDefinition AliasedTable(string alias) =>
        _aliases.GetValueOrDefault(alias)
        ?? throw FetchXmlErrors.Invalid($"No link-entity has the alias '{alias}' named by entityname.", "0x8004110a");

    private void CollectAliases(XElement element, TableDefinition parent)
    {
        foreach (var link in element.Elements().Where(e => e.Name.LocalName == "link-entity"))
        {
            var table = FindTable(Required(link, "name"));
            var from = Attribute(table, Required(link, "from"));
            var alias = (string?)link.Attribute("alias") ?? DefaultAlias(table, from);
            if (!_aliases.TryAdd(alias, table))
            {
                throw FetchXmlErrors.Invalid($"The alias '{alias}' is used by more than one link-entity.", "0x80041109");
            }
            _linkAliases[link] = alias;
            CollectAliases(link, table);
        }
    }

    private FetchLink ParseLink(XElement element, TableDefinition parent)
    {
        var table = FindTable(Required(element, "name"));
        var from = Attribute(table, Required(element, "from"));
        var to = Attribute(parent, Required(element, "to"));
        var linkType = (string?)element.Attribute("link-type") ?? "inner";
        if (linkType is not ("inner" or "outer"))
        {
            // Dataverse knows more link types (any, exists, in, ...); the emulator supports inner and outer joins only.
            throw FetchXmlErrors.Invalid($"The link-type '{linkType}' is not supported; use 'inner' or 'outer'.", FetchXmlErrors.InvalidLinkType);
        }
        var entity = ParseEntity(element, table, _linkAliases[element]);
        return new FetchLink(entity, from, to, linkType == "outer");
    }

    // link-entity reference: many-to-one links default to the table's logical name, others to {name}{N}.
    private string DefaultAlias(TableDefinition table, AttributeDefinition from)
    {
        if (from.IsPrimaryId && !_aliases.ContainsKey(table.LogicalName)) return table.LogicalName;
        var n = _generatedAliases[table.LogicalName] = _generatedAliases.GetValueOrDefault(table.LogicalName) + 1;
        return table.LogicalName + n;
    }

    private TableDefinition FindTable(string name) => _schema.FindTable(name) ?? throw FetchXmlErrors.UnknownEntity(name);

    private static AttributeDefinition Attribute(TableDefinition table, string name) =>
        table.FindAttribute(name) ?? throw FetchXmlErrors.UnknownAttribute(table, name);

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { Length: > 0 } value
            ? value
            : throw FetchXmlErrors.Invalid($"The '{element.Name.LocalName}' element requires the '{attribute}' attribute.");

    private static int? PositiveInt(XElement element, string attribute)
    {
        if (element.Attribute(attribute) is not { } raw) return null;
        return int.TryParse(raw.Value, out var value) && value > 0
            ? value
            : throw FetchXmlErrors.Invalid($"The '{attribute}' attribute must be a positive integer; '{raw.Value}' is not.", FetchXmlErrors.InvalidPaging);
    }

    private static bool Bool(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
