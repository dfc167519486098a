using System.Text.Json.Nodes;
using SalesBridge.Dataverse;

namespace SalesBridge.CrmImport.Preview;

/// <summary>
/// The preview's reads of the org: ordinary queries, never change tracking, so the delta links the import keeps stay
/// untouched. Rows are parsed by <see cref="CrmRowParsing"/> with the import's columns (<see cref="ImportTables"/>), so
/// the preview sees what a run would see. Id lists go in slices: each slice is one request whose URL stays well under
/// what an org accepts.
/// </summary>
internal sealed class PreviewCrmReads(DataverseClient client, ImportScope scope)
{
    /// <summary>Ids per <c>$filter</c>: ~55 characters each, so a slice's URL stays under about 8 KB escaped.</summary>
    public const int IdsPerRequest = 100;

    /// <summary>
    /// Above this many opportunities, reading every stakeholder connection of the org by role takes fewer requests than
    /// asking for the opportunities' connections slice by slice (5,000 rows a page against 50 opportunities a request).
    /// </summary>
    private const int SlicedStakeholderLimit = 2_500;

    /// <summary>The stage column's options in the org's order (what "at or past" is measured by); none with <i>Not Sure</i>.</summary>
    public async Task<IReadOnlyList<ChoiceOption>> StageOptionsAsync(CancellationToken cancellationToken) => scope.StageColumn is { } column
        ? await client.GetChoiceOptionsAsync("opportunity", column, cancellationToken: cancellationToken)
        : [];

    /// <summary>The open opportunities the CRM users own (those that go in a plan: owned by a user, not a team).</summary>
    public async Task<List<OpportunityRow>> OpenOpportunitiesAsync(IEnumerable<Guid> owners, CancellationToken cancellationToken)
    {
        var found = new List<OpportunityRow>();
        foreach (var slice in owners.Distinct().Chunk(IdsPerRequest))
        {
            var filter = ODataFilter.And(ODataFilter.Eq("statecode", 0), ODataFilter.In("_ownerid_value", slice.Cast<object>()));
            await foreach (var row in QueryAsync(ImportTables.Opportunities, filter, cancellationToken))
            {
                if (CrmRowParsing.Opportunity(row, scope) is { IsOpen: true } opportunity) found.Add(opportunity);
            }
        }
        return found.DistinctBy(o => o.CrmId).ToList();
    }

    /// <summary>(opportunity, contact) stakeholder links of the given opportunities, in either direction of the connection.</summary>
    public async Task<ILookup<Guid, Guid>> StakeholdersAsync(IReadOnlyCollection<Guid> opportunities, CancellationToken cancellationToken)
    {
        var links = new List<(Guid Opportunity, Guid Contact)>();
        if (opportunities.Count == 0 || scope.StakeholderRoleIds.Count == 0) return links.ToLookup(l => l.Opportunity, l => l.Contact);
        var roles = scope.StakeholderRoleIds.Cast<object>().ToList();
        var ofRole = ODataFilter.Or(ODataFilter.In("_record1roleid_value", roles), ODataFilter.In("_record2roleid_value", roles));
        // null: one read of every stakeholder connection, filtered here.
        List<List<object>?> slices = opportunities.Count > SlicedStakeholderLimit ? [null]
            : [.. opportunities.Chunk(IdsPerRequest / 2).Select(s => s.Cast<object>().ToList())];
        foreach (var slice in slices)
        {
            var filter = slice is null ? ofRole
                : ODataFilter.And(ofRole, ODataFilter.Or(ODataFilter.In("_record1id_value", slice), ODataFilter.In("_record2id_value", slice)));
            await foreach (var row in QueryAsync(ImportTables.Stakeholders, filter, cancellationToken))
            {
                if (CrmRowParsing.Stakeholder(row, scope)?.Link is { } link) links.Add(link);
            }
        }
        var wanted = opportunities as IReadOnlySet<Guid> ?? opportunities.ToHashSet();
        return links.Distinct().Where(l => wanted.Contains(l.Opportunity)).ToLookup(l => l.Opportunity, l => l.Contact);
    }

    public Task<List<AccountRow>> AccountsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ImportTables.Accounts, "accountid", ids, CrmRowParsing.Account, cancellationToken);

    public Task<List<ContactRow>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ByIdAsync(ImportTables.Contacts, "contactid", ids, CrmRowParsing.Contact, cancellationToken);

    private async Task<List<T>> ByIdAsync<T>(string table, string idColumn, IReadOnlyCollection<Guid> ids, Func<JsonObject, T?> parse,
        CancellationToken cancellationToken) where T : class
    {
        var found = new List<T>();
        foreach (var slice in ids.Chunk(IdsPerRequest))
        {
            await foreach (var row in QueryAsync(table, ODataFilter.In(idColumn, slice.Cast<object>()), cancellationToken))
            {
                if (parse(row) is { } parsed) found.Add(parsed);
            }
        }
        return found;
    }

    private IAsyncEnumerable<JsonObject> QueryAsync(string table, FilterExpression filter, CancellationToken cancellationToken) =>
        client.QueryAsync(table, new DataverseQuery
        {
            Select = ImportTables.Columns(table, scope.StageColumn), Filter = filter, IncludeAnnotations = ImportTables.Annotations,
        }, cancellationToken: cancellationToken);
}
