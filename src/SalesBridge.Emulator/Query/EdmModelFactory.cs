using System.Runtime.CompilerServices;
using Microsoft.OData.Edm;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// The EDM model of an org, as Dataverse publishes it in <c>$metadata</c>: one entity type per table (named by
/// logical name in <c>Microsoft.Dynamics.CRM</c>), structural properties by Web API property name, navigation
/// properties from the relationships and one entity set per table. The OData parser reads query options over it.
/// </summary>
public static class EdmModelFactory
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    private static readonly ConditionalWeakTable<OrgSchema, Cached> Models = new();

    /// <summary>
    /// The model of <paramref name="schema"/>, built once per schema version: tables, columns and relationships
    /// added at run time (through metadata) change the version, which rebuilds it.
    /// </summary>
    public static IEdmModel Create(OrgSchema schema)
    {
        var version = schema.Version;
        if (Models.TryGetValue(schema, out var cached) && cached.SchemaVersion == version) return cached.Model;
        var model = Build(schema);
        Models.AddOrUpdate(schema, new Cached(model, version));
        return model;
    }

    private static EdmModel Build(OrgSchema schema)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        var types = new Dictionary<string, EdmEntityType>(StringComparer.Ordinal);
        var sets = new Dictionary<string, EdmEntitySet>(StringComparer.Ordinal);
        foreach (var table in schema.Tables)
        {
            var type = new EdmEntityType(Namespace, table.LogicalName);
            foreach (var attribute in table.Attributes)
            {
                var property = type.AddStructuralProperty(attribute.PropertyName, PrimitiveKind(attribute.Type), !attribute.IsPrimaryId);
                if (attribute.IsPrimaryId) type.AddKeys(property);
            }
            model.AddElement(type);
            types[table.LogicalName] = type;
            sets[table.LogicalName] = container.AddEntitySet(table.EntitySetName, type);
        }
        foreach (var table in schema.Tables)
        {
            foreach (var navigation in schema.NavigationProperties(table.LogicalName))
            {
                if (!types.TryGetValue(navigation.TargetTable, out var target)) continue;
                var property = types[table.LogicalName].AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                {
                    Name = navigation.Name,
                    Target = target,
                    TargetMultiplicity = navigation.IsCollection ? EdmMultiplicity.Many : EdmMultiplicity.ZeroOrOne,
                });
                sets[table.LogicalName].AddNavigationTarget(property, sets[navigation.TargetTable]);
            }
        }
        AddQueryFunctions(model);
        return model;
    }

    /// <summary>
    /// Dataverse's query functions usable in <c>$filter</c> (<c>Microsoft.Dynamics.CRM.In(PropertyName='x',PropertyValues=[...])</c>).
    /// </summary>
    private static void AddQueryFunctions(EdmModel model)
    {
        var boolean = EdmCoreModel.Instance.GetBoolean(false);
        var text = EdmCoreModel.Instance.GetString(false);
        var texts = new EdmCollectionTypeReference(new EdmCollectionType(text));
        foreach (var name in QueryFunctions.ListFunctions)
        {
            var function = new EdmFunction(Namespace, name, boolean, isBound: false, entitySetPathExpression: null, isComposable: false);
            function.AddParameter("PropertyName", text);
            function.AddParameter("PropertyValues", texts);
            model.AddElement(function);
        }
    }

    public static EdmPrimitiveTypeKind PrimitiveKind(AttributeType type) => type switch
    {
        AttributeType.Lookup or AttributeType.Customer or AttributeType.Owner or AttributeType.Uniqueidentifier => EdmPrimitiveTypeKind.Guid,
        AttributeType.Picklist or AttributeType.State or AttributeType.Status or AttributeType.Integer => EdmPrimitiveTypeKind.Int32,
        AttributeType.Money or AttributeType.Decimal => EdmPrimitiveTypeKind.Decimal,
        AttributeType.Double => EdmPrimitiveTypeKind.Double,
        AttributeType.BigInt => EdmPrimitiveTypeKind.Int64,
        AttributeType.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        AttributeType.Boolean => EdmPrimitiveTypeKind.Boolean,
        _ => EdmPrimitiveTypeKind.String,
    };

    private sealed record Cached(IEdmModel Model, long SchemaVersion);
}
