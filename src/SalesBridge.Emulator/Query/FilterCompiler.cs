using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Query;

/// <summary>
/// Turns a parsed <c>$filter</c> into a row predicate, once per request. Comparisons involving null are false,
/// except <c>eq null</c> and <c>ne null</c>, as in SQL.
/// </summary>
internal sealed partial class FilterCompiler(TableDefinition table, IDictionary<string, SingleValueNode>? aliases, QueryContext? context)
{
    public static Func<EntityRow, bool> Compile(FilterClause clause, TableDefinition table,
        IDictionary<string, SingleValueNode>? aliases = null, QueryContext? context = null) =>
        new FilterCompiler(table, aliases, context).Predicate(clause.Expression);

    private Func<EntityRow, bool> Predicate(SingleValueNode node) => node switch
    {
        ConvertNode convert => Predicate(convert.Source),
        ParameterAliasNode alias => Predicate(Resolve(alias)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Both(Predicate(and.Left), Predicate(and.Right)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Either(Predicate(or.Left), Predicate(or.Right)),
        BinaryOperatorNode comparison => Comparison(comparison),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Negate(Predicate(not.Operand)),
        SingleValueFunctionCallNode call => Function(call),
        InNode @in => In(@in),
        AnyNode any => Lambda(any.Source, any.Body, all: false),
        AllNode all => Lambda(all.Source, all.Body, all: true),
        ConstantNode { Value: bool constant } => _ => constant,
        SingleValuePropertyAccessNode property when property.Property.Type.IsBoolean() => BooleanProperty(property),
        _ => throw QueryErrors.Syntax($"The expression '{node.Kind}' is not supported in $filter."),
    };

    private static Func<EntityRow, bool> Both(Func<EntityRow, bool> a, Func<EntityRow, bool> b) => row => a(row) && b(row);

    private static Func<EntityRow, bool> Either(Func<EntityRow, bool> a, Func<EntityRow, bool> b) => row => a(row) || b(row);

    private static Func<EntityRow, bool> Negate(Func<EntityRow, bool> a) => row => !a(row);

    private Func<EntityRow, bool> BooleanProperty(SingleValuePropertyAccessNode node)
    {
        var value = Value(node);
        return row => value(row) is true;
    }

    private Func<EntityRow, bool> Comparison(BinaryOperatorNode node)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        return node.OperatorKind switch
        {
            BinaryOperatorKind.Equal => row => Equal(left(row), right(row)),
            BinaryOperatorKind.NotEqual => row => NotEqual(left(row), right(row)),
            BinaryOperatorKind.GreaterThan => row => Ordered(left(row), right(row)) is > 0,
            BinaryOperatorKind.GreaterThanOrEqual => row => Ordered(left(row), right(row)) is >= 0,
            BinaryOperatorKind.LessThan => row => Ordered(left(row), right(row)) is < 0,
            BinaryOperatorKind.LessThanOrEqual => row => Ordered(left(row), right(row)) is <= 0,
            _ => throw QueryErrors.Syntax($"The operator '{node.OperatorKind}' is not supported in $filter."),
        };
    }

    private static bool Equal(object? a, object? b) => a is null || b is null ? a is null && b is null : ValueComparer.Compare(a, b) == 0;

    private static bool NotEqual(object? a, object? b)
    {
        if (a is null && b is null) return false;
        // "x ne null" is true for any value; "x ne 'a'" is false for a null x, as SQL's "<>" is.
        if (b is null) return true;
        if (a is null) return false;
        return ValueComparer.Compare(a, b) != 0;
    }

    private static int? Ordered(object? a, object? b) => a is null || b is null ? null : ValueComparer.Compare(a, b);

    private Func<EntityRow, bool> Function(SingleValueFunctionCallNode call)
    {
        if (call.Name.Contains('.')) return QueryFunctions.Compile(call, table);
        var arguments = call.Parameters.Cast<SingleValueNode>().Select(Value).ToArray();
        Func<string, string, bool> test = call.Name switch
        {
            "contains" => static (text, part) => text.Contains(part, StringComparison.OrdinalIgnoreCase),
            "startswith" => static (text, part) => text.StartsWith(part, StringComparison.OrdinalIgnoreCase),
            "endswith" => static (text, part) => text.EndsWith(part, StringComparison.OrdinalIgnoreCase),
            _ => throw QueryErrors.Syntax($"The function '{call.Name}' is not supported in $filter."),
        };
        if (arguments.Length != 2) throw QueryErrors.Syntax($"The function '{call.Name}' takes two arguments.");
        var (text, part) = (arguments[0], arguments[1]);
        return row => text(row) is string value && part(row) is string search && test(value, search);
    }

    private Func<EntityRow, bool> In(InNode node)
    {
        var left = Value(node.Left);
        if (node.Right is not CollectionConstantNode list) throw QueryErrors.Syntax("The right side of 'in' must be a list of values.");
        var values = list.Collection.Select(c => Normalize(c.Value)).ToArray();
        return row => left(row) is { } value && values.Any(v => v is not null && ValueComparer.Compare(value, v) == 0);
    }

    private Func<EntityRow, object?> Value(SingleValueNode node)
    {
        switch (node)
        {
            case ConvertNode convert:
                return Value(convert.Source);
            case ParameterAliasNode alias:
                return Value(Resolve(alias));
            case ConstantNode constant:
                var value = Normalize(constant.Value);
                return _ => value;
            case SingleValuePropertyAccessNode property:
                var column = table.FindProperty(property.Property.Name)
                    ?? throw DataverseErrors.UnknownProperty(table, property.Property.Name);
                return row => RowJsonWriter.ValueOf(row, column);
            default:
                throw QueryErrors.Syntax($"The expression '{node.Kind}' is not supported in $filter.");
        }
    }

    /// <summary>An alias without a value is null (query/overview: "If the alias isn't assigned a value, it's assumed to be null").</summary>
    private SingleValueNode Resolve(ParameterAliasNode alias) =>
        aliases?.TryGetValue(alias.Alias, out var node) == true && node is not null ? node : new ConstantNode(null);

    /// <summary>Literals in the store's value types: a date literal is midnight UTC of that day.</summary>
    // ODL 8 still parses date literals as its own Date type (DateOnly from ODL 9 on); both are handled.
#pragma warning disable CS0618
    private static object? Normalize(object? literal) => literal switch
    {
        DateOnly day => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        Date date => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        float single => (double)single,
        short or byte or sbyte => Convert.ToInt32(literal),
        Microsoft.OData.ODataEnumValue => throw QueryErrors.Syntax("Enum literals are not supported in $filter."),
        _ => literal,
    };
#pragma warning restore CS0618
}
