using SalesBridge.Emulator.Query;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.Store;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// <c>GET {set}</c> in change-tracking mode (Dataverse: use-change-tracking-synchronize-data-external-systems): with
/// <c>Prefer: odata.track-changes</c> every row plus an <c>@odata.deltaLink</c>; with the <c>$deltatoken</c> of such a
/// link, the changes since. Only <c>$select</c> shapes the rows.
/// </summary>
public static class TrackedQuery
{
    private static readonly string[] RefusedOptions = ["$filter", "$orderby", "$expand", "$top"];

    /// <summary>Whether the request asks for change tracking: the preference, or the token of a delta link.</summary>
    public static bool Applies(DataverseRequest request) =>
        request.Prefer.TrackChanges || request.Query.ContainsKey(QueryOptions.DeltaToken);

    public static Task WriteAsync(DataverseRequest request, TableDefinition table)
    {
        if (!table.ChangeTrackingEnabled) throw ChangeTrackingErrors.NotEnabled(table);
        var options = QueryOptions.Read(request.Query, tracking: true);
        if (RefusedOptions.FirstOrDefault(options.Has) is { } refused) throw ChangeTrackingErrors.OptionNotSupported(refused);
        var context = QueryContext.Of(request);
        var query = ParsedQuery.Parse(request, table, context, options);
        var scope = DemandOrganizationRead(context, table);
        var ledger = ChangeLedger.For(request.Org);
        ledger.PruneIfDue();
        var (pageSize, honoured) = PagingPolicy.For(request.Org).PageSize(request.Prefer.MaxPageSize);

        if (request.Prefer.TrackChanges) request.ApplyPreference("odata.track-changes");
        if (honoured) request.ApplyPreference($"odata.maxpagesize={pageSize}");
        var annotations = request.Prefer.Annotations;
        if (!annotations.IsEmpty) request.ApplyPreference($"odata.include-annotations=\"{annotations.RawValue}\"");

        var read = new TrackedRead(request, table, context, query, scope, ledger, pageSize);
        return options[QueryOptions.DeltaToken] is { } deltaToken ? DeltaSync.WriteAsync(read, deltaToken) : InitialSync.WriteAsync(read);
    }

    /// <summary>
    /// The docs: "The calling user must have organization level read access to the table." The read scope is still
    /// applied, so that a row the caller could not read would stay out of the result whatever the depth rules become.
    /// </summary>
    private static Func<EntityRow, bool>? DemandOrganizationRead(QueryContext context, TableDefinition table)
    {
        var depth = context.Org.Security.Demand(context.Caller, table, AccessRight.Read);
        if (depth != PrivilegeDepth.Global) throw ChangeTrackingErrors.OrganizationReadRequired(context.Caller, table, depth);
        return context.ReadScope(table);
    }
}

/// <summary>Everything a tracked read has settled before it reads its page.</summary>
internal sealed record TrackedRead(DataverseRequest Request, TableDefinition Table, QueryContext Context, ParsedQuery Query,
    Func<EntityRow, bool>? Scope, ChangeLedger Ledger, int PageSize)
{
    public string? SkipToken => Query.Options["$skiptoken"];

    /// <summary>The absolute <c>@odata.deltaLink</c>: the request's URL with <paramref name="token"/> as its <c>$deltatoken</c>.</summary>
    public string DeltaLink(string token) =>
        NextLink.Replacing(Request, Table.EntitySetName, ["$skiptoken", QueryOptions.DeltaToken], QueryOptions.DeltaToken, token);
}
