namespace SalesBridge.Emulator.FetchXml;

/// <summary>The FetchXML condition operators the emulator evaluates (FetchXml reference: condition operator values).</summary>
public enum ConditionOperator
{
    Eq, Ne, Lt, Le, Gt, Ge,
    Like, NotLike, BeginsWith, NotBeginWith, EndsWith, NotEndWith,
    In, NotIn, Between, NotBetween,
    Null, NotNull,
    On, OnOrAfter, OnOrBefore,
}

public static class ConditionOperators
{
    private static readonly Dictionary<string, ConditionOperator> ByName = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Eq, ["ne"] = ConditionOperator.Ne, ["neq"] = ConditionOperator.Ne,
        ["lt"] = ConditionOperator.Lt, ["le"] = ConditionOperator.Le, ["gt"] = ConditionOperator.Gt, ["ge"] = ConditionOperator.Ge,
        ["like"] = ConditionOperator.Like, ["not-like"] = ConditionOperator.NotLike,
        ["begins-with"] = ConditionOperator.BeginsWith, ["not-begin-with"] = ConditionOperator.NotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith, ["not-end-with"] = ConditionOperator.NotEndWith,
        ["in"] = ConditionOperator.In, ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between, ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null, ["not-null"] = ConditionOperator.NotNull,
        ["on"] = ConditionOperator.On, ["on-or-after"] = ConditionOperator.OnOrAfter, ["on-or-before"] = ConditionOperator.OnOrBefore,
    };

    /// <summary>
    /// Null for an operator the emulator does not know. <c>contains</c> is one: Dataverse refuses it in FetchXML
    /// ("Unknown Condition Operator: contains") because it needs full-text indexing.
    /// </summary>
    public static ConditionOperator? Find(string name) => ByName.TryGetValue(name, out var op) ? op : null;

    /// <summary>How many values the operator takes: 0, 1, 2 (between) or -1 for one or more (in).</summary>
    public static int Arity(this ConditionOperator op) => op switch
    {
        ConditionOperator.Null or ConditionOperator.NotNull => 0,
        ConditionOperator.In or ConditionOperator.NotIn => -1,
        ConditionOperator.Between or ConditionOperator.NotBetween => 2,
        _ => 1,
    };

    public static bool IsPattern(this ConditionOperator op) => op is ConditionOperator.Like or ConditionOperator.NotLike
        or ConditionOperator.BeginsWith or ConditionOperator.NotBeginWith or ConditionOperator.EndsWith or ConditionOperator.NotEndWith;
}
