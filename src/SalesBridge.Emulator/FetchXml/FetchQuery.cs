using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.FetchXml;

/// <summary>A parsed and validated <c>&lt;fetch&gt;</c>: the options of the root element and its entity.</summary>
public sealed record FetchQuery(
    FetchEntity Entity,
    int? Count,
    int? Page,
    string? PagingCookie,
    int? Top,
    bool Distinct,
    bool ReturnTotalRecordCount,
    bool UseRawOrderBy);

/// <summary>
/// The <c>&lt;entity&gt;</c> or a <c>&lt;link-entity&gt;</c>: its table, the columns it returns, its filters,
/// its orders and the tables linked to it. <see cref="Alias"/> is null for the main entity.
/// </summary>
public sealed record FetchEntity(
    TableDefinition Table,
    string? Alias,
    IReadOnlyList<FetchColumn> Columns,
    bool AllColumns,
    FetchFilter? Filter,
    IReadOnlyList<FetchOrder> Orders,
    IReadOnlyList<FetchLink> Links);

/// <summary>A <c>&lt;link-entity&gt;</c>: joins <see cref="Entity"/> where its <see cref="From"/> column equals the parent's <see cref="To"/>.</summary>
public sealed record FetchLink(FetchEntity Entity, AttributeDefinition From, AttributeDefinition To, bool Outer);

/// <summary>An <c>&lt;attribute&gt;</c>, with the name the result uses for it when it has an alias.</summary>
public sealed record FetchColumn(AttributeDefinition Attribute, string? Alias);

/// <summary>An <c>&lt;order&gt;</c>; <see cref="EntityAlias"/> (its <c>entityname</c>) orders by a linked table's column.</summary>
public sealed record FetchOrder(string? EntityAlias, AttributeDefinition Attribute, bool Descending);

/// <summary>A <c>&lt;filter&gt;</c>: all (and) or any (or) of its conditions and nested filters hold.</summary>
public sealed record FetchFilter(bool IsOr, IReadOnlyList<FetchCondition> Conditions, IReadOnlyList<FetchFilter> Filters);

/// <summary>
/// A <c>&lt;condition&gt;</c> on a column of its entity, or (with <c>entityname</c>) of a linked entity by alias.
/// <see cref="Values"/> are already converted to the column's type.
/// </summary>
public sealed record FetchCondition(
    string? EntityAlias,
    AttributeDefinition Attribute,
    ConditionOperator Operator,
    IReadOnlyList<object> Values);
