using System.Text.Json;
using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// One <c>$expand</c>ed navigation property: a single-valued one as an object (or null), a collection as an array
/// with its own <c>$filter</c>, <c>$orderby</c> and <c>$top</c>. Related rows the caller may not read are left out.
/// </summary>
internal sealed class Expansion
{
    private readonly QueryContext _context;
    private readonly TableDefinition _target;
    private readonly Func<EntityRow, bool>? _predicate;
    private readonly RowOrder _order;
    private readonly int _top;
    private readonly bool _isReference;
    private Dictionary<Guid, List<EntityRow>>? _byParent;

    private Expansion(QueryContext context, NavigationProperty navigation, TableDefinition target, Projection? inner,
        Func<EntityRow, bool>? predicate, RowOrder order, int top, bool isReference)
    {
        _context = context;
        Navigation = navigation;
        _target = target;
        Inner = inner;
        _predicate = predicate;
        _order = order;
        _top = top;
        _isReference = isReference;
    }

    public NavigationProperty Navigation { get; }
    public Projection? Inner { get; }

    public static Expansion From(ExpandedNavigationSelectItem item, TableDefinition table, QueryContext context)
    {
        var (navigation, target) = Resolve(item.PathToNavigationProperty, table, context);
        foreach (var (present, option) in new[] {
            (item.SkipOption is not null, "$skip"), (item.CountOption is not null, "$count"), (item.LevelsOption is not null, "$levels"),
            (item.SearchOption is not null, "$search"), (item.ApplyOption is not null, "$apply"), (item.ComputeOption is not null, "$compute") })
        {
            if (present) throw QueryErrors.Syntax($"The query option {option} is not supported inside $expand.");
        }
        if (!navigation.IsCollection && (item.FilterOption ?? (object?)item.OrderByOption ?? item.TopOption) is not null)
        {
            throw QueryErrors.Syntax($"$filter, $orderby and $top can only be used to expand collection-valued navigation properties, not '{navigation.Name}'.");
        }
        var scope = context.ReadScope(target);
        var filter = item.FilterOption is null ? null : FilterCompiler.Compile(item.FilterOption, target, null, context);
        var top = item.TopOption is { } t ? (int)Math.Clamp(t, 0, PagingPolicy.MaxPageSize) : PagingPolicy.MaxPageSize;
        var inner = Projection.From(item.SelectAndExpand, target, context);
        return new Expansion(context, navigation, target, inner, QueryContext.All(scope, filter), RowOrder.From(item.OrderByOption, target), top, false);
    }

    public static Expansion Reference(ExpandedReferenceSelectItem item, TableDefinition table, QueryContext context)
    {
        var (navigation, target) = Resolve(item.PathToNavigationProperty, table, context);
        if (navigation.IsCollection)
        {
            throw DataverseErrors.BadRequest("Expand with $ref is only supported on lookup type navigation property.", DataverseErrors.InvalidProperty);
        }
        return new Expansion(context, navigation, target, null, context.ReadScope(target), RowOrder.PrimaryKey, 1, true);
    }

    private static (NavigationProperty, TableDefinition) Resolve(ODataExpandPath path, TableDefinition table, QueryContext context)
    {
        if (path.Count != 1 || path.LastSegment is not NavigationPropertySegment segment)
        {
            throw QueryErrors.Syntax("Only navigation properties of the table itself can be expanded.");
        }
        var navigation = context.Schema.FindNavigation(table.LogicalName, segment.NavigationProperty.Name)
            ?? throw QueryErrors.Syntax($"Could not find a navigation property named '{segment.NavigationProperty.Name}' on type '{table.QualifiedTypeName}'.");
        return (navigation, context.Schema.GetTable(navigation.TargetTable));
    }

    public void Write(Utf8JsonWriter writer, EntityRow parent)
    {
        writer.WritePropertyName(Navigation.Name);
        if (!Navigation.IsCollection)
        {
            var related = Single(parent);
            if (related is null) writer.WriteNullValue();
            else if (_isReference)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.id", $"{_context.ServiceRoot}{_target.EntitySetName}({related.Id})");
                writer.WriteEndObject();
            }
            else Inner!.WriteNestedRow(writer, related, _context.Rows);
            return;
        }
        writer.WriteStartArray();
        foreach (var row in Collection(parent)) Inner!.WriteRow(writer, row, _context.Rows);
        writer.WriteEndArray();
    }

    private EntityRow? Single(EntityRow parent)
    {
        var reference = parent.Reference(Navigation.LookupAttribute!);
        if (reference is null || reference.Table != Navigation.TargetTable) return null;
        var row = _context.Store.Find(Navigation.TargetTable, reference.Id);
        return row is not null && (_predicate is null || _predicate(row)) ? row : null;
    }

    private IEnumerable<EntityRow> Collection(EntityRow parent)
    {
        IEnumerable<EntityRow> rows = Navigation.Kind == NavigationKind.ManyToMany
            ? RelatedRows.Associated(_context.Store, Navigation, _target, parent.Id, _predicate)
            : (_byParent ??= RelatedRows.ByParent(_context.Store, Navigation, _target, _predicate)).GetValueOrDefault(parent.Id) ?? [];
        return (_order.IsKeyOrder ? rows.OrderBy(r => r.Id) : rows.Order(_order)).Take(_top);
    }
}
