using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

internal sealed partial class FilterCompiler
{
    /// <summary>
    /// <c>nav/any(o:...)</c> and <c>nav/all(o:...)</c> over a collection-valued navigation property
    /// (query/filter-rows). Only related rows the caller may read count.
    /// </summary>
    private Func<EntityRow, bool> Lambda(CollectionNode source, SingleValueNode body, bool all)
    {
        if (context is null || source is not CollectionNavigationNode node)
        {
            throw QueryErrors.Syntax("'any' and 'all' can only be used on collection-valued navigation properties of the table.");
        }
        var navigation = context.Schema.FindNavigation(table.LogicalName, node.NavigationProperty.Name)
            ?? throw QueryErrors.Syntax($"Could not find a navigation property named '{node.NavigationProperty.Name}' on type '{table.QualifiedTypeName}'.");
        var target = context.Schema.GetTable(navigation.TargetTable);
        var test = new FilterCompiler(target, aliases, context).Predicate(body);
        var scope = context.ReadScope(target);
        Dictionary<Guid, List<EntityRow>>? byParent = null;
        return row =>
        {
            IEnumerable<EntityRow> related = navigation.Kind == NavigationKind.ManyToMany
                ? RelatedRows.Associated(context.Store, navigation, target, row.Id, scope)
                : (byParent ??= RelatedRows.ByParent(context.Store, navigation, target, scope)).GetValueOrDefault(row.Id) ?? [];
            return all ? related.All(test) : related.Any(test);
        };
    }
}
