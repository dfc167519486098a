using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Query;

/// <summary>What evaluating a query needs besides the query: the org, who asks, and how rows are written.</summary>
internal sealed class QueryContext(EmulatedOrg org, Caller caller, RowJsonWriter rows, string serviceRoot)
{
    public static QueryContext Of(DataverseRequest request) =>
        new(request.Org, request.Caller, new RowJsonWriter(request.Org.Store, request.Prefer.Annotations), request.ServiceRoot);

    public EmulatedOrg Org { get; } = org;
    public OrgStore Store => Org.Store;
    public OrgSchema Schema => Org.Schema;
    public Caller Caller { get; } = caller;
    public RowJsonWriter Rows { get; } = rows;
    public string ServiceRoot { get; } = serviceRoot;

    /// <summary>The rows of <paramref name="table"/> the caller may read, or null for all (throws 403 without the privilege).</summary>
    public Func<EntityRow, bool>? ReadScope(TableDefinition table) => Org.Security.ReadScope(Caller, table);

    /// <summary>A key for what the caller may read, so cached results are never shared across scopes.</summary>
    public string ScopeKey(TableDefinition table) =>
        $"{Caller.UserId}|{Caller.CallingUserId}|{Caller.BusinessUnitId}|{Org.Security.Demand(Caller, table, AccessRight.Read)}";

    public static Func<EntityRow, bool>? All(params Func<EntityRow, bool>?[] predicates)
    {
        var present = predicates.Where(p => p is not null).Cast<Func<EntityRow, bool>>().ToArray();
        return present.Length switch
        {
            0 => null,
            1 => present[0],
            2 => row => present[0](row) && present[1](row),
            _ => row => present.All(p => p(row)),
        };
    }
}
