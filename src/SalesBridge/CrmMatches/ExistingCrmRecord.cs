using System.Text.Json.Nodes;
using SalesBridge.Dataverse;
using SalesBridge.Errors;
using SalesBridge.Matching.Normalisation;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.CrmMatches;

/// <summary>A record already in the CRM that Create record would duplicate: what the 409 names so the user can pick it with Edit match.</summary>
public sealed record ExistingCrmRecord(Guid CrmId, string Name, string Why)
{
    /// <summary>Opens the record in Dynamics; null while the contract is not connected.</summary>
    public string? CrmUrl { get; init; }
}

/// <summary>
/// Create record refused because the CRM already holds the same person or company (409). The body names the record
/// (id, name, "In CRM" link); the request may repeat with <c>createAnyway: true</c> when they are truly different.
/// </summary>
public sealed class CrmRecordExistsException(ExistingCrmRecord existing, string noun)
    : RequestRefusedException("Already in the CRM",
        $"The CRM already has the {noun} \"{existing.Name}\" (CRM id {existing.CrmId}{(existing.CrmUrl is null ? "" : $", {existing.CrmUrl}")}): {existing.Why}. "
        + $"Tie it with Edit match instead, or ask again with createAnyway: true if they are different.")
{
    public override int StatusCode => 409;

    public ExistingCrmRecord Existing { get; } = existing;
}

/// <summary>
/// Looks in the CRM for the person or company Create record is about to make (issue 6: no duplicates from the
/// workspace): a contact by email, or by first and last name under the same parent account; an account by name or by
/// website domain. The row Create record itself made on an earlier attempt (<paramref name="ownCrmId"/>) does not count.
/// </summary>
internal static class ExistingCrmRecords
{
    public static async Task<ExistingCrmRecord?> ContactAsync(DataverseClient client, Person person, Guid? parentCrmId, Guid ownCrmId, CancellationToken cancellationToken)
    {
        var email = person.Email?.Trim();
        var alike = new List<FilterExpression>();
        if (!string.IsNullOrEmpty(email)) alike.Add(ODataFilter.Eq("emailaddress1", email));
        if (parentCrmId is { } parent && !string.IsNullOrWhiteSpace(person.FirstName) && !string.IsNullOrWhiteSpace(person.LastName))
        {
            alike.Add(ODataFilter.And(ODataFilter.Eq("firstname", person.FirstName.Trim()), ODataFilter.Eq("lastname", person.LastName.Trim()),
                ODataFilter.Eq("_parentcustomerid_value", parent)));
        }
        if (alike.Count == 0) return null;
        var query = new DataverseQuery
        {
            Select = ["contactid", "firstname", "lastname", "emailaddress1"],
            Filter = ODataFilter.And(ODataFilter.Ne("contactid", ownCrmId), alike.Count == 1 ? alike[0] : ODataFilter.Or([.. alike])),
            Top = 5,
        };
        var rows = await ReadAsync(client, "contacts", query, cancellationToken);
        // An email is the stronger sign of the same person, so a row that shares it is named first.
        var row = rows.FirstOrDefault(r => SameText(Text(r, "emailaddress1"), email)) ?? rows.FirstOrDefault();
        if (row is null) return null;
        var name = $"{Text(row, "firstname")} {Text(row, "lastname")}".Trim();
        return new ExistingCrmRecord(Guid.Parse(Text(row, "contactid")!), name.Length == 0 ? "(no name)" : name,
            SameText(Text(row, "emailaddress1"), email) ? $"it has the same email, {email}" : "it has the same name under the same parent account");
    }

    public static async Task<ExistingCrmRecord?> AccountAsync(DataverseClient client, Company company, Guid ownCrmId, CancellationToken cancellationToken)
    {
        var name = company.Name.Trim();
        var domain = WebDomain.Registrable(company.Website);
        var alike = new List<FilterExpression> { ODataFilter.Eq("name", name) };
        // contains() also finds "notacme.com" for "acme.com": the rows are checked by their registrable domain below.
        if (domain.Length > 0) alike.Add(ODataFilter.Contains("websiteurl", domain));
        var query = new DataverseQuery
        {
            Select = ["accountid", "name", "websiteurl"],
            Filter = ODataFilter.And(ODataFilter.Ne("accountid", ownCrmId), alike.Count == 1 ? alike[0] : ODataFilter.Or([.. alike])),
            Top = 20,
        };
        var rows = await ReadAsync(client, "accounts", query, cancellationToken);
        var byName = rows.FirstOrDefault(r => SameText(Text(r, "name"), name));
        var byDomain = domain.Length == 0 ? null : rows.FirstOrDefault(r => WebDomain.Registrable(Text(r, "websiteurl")) == domain);
        var row = byName ?? byDomain;
        if (row is null) return null;
        return new ExistingCrmRecord(Guid.Parse(Text(row, "accountid")!), Text(row, "name") ?? "(no name)",
            row == byName ? "it has the same name" : $"its website has the same domain, {domain}");
    }

    private static async Task<List<JsonObject>> ReadAsync(DataverseClient client, string table, DataverseQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        await foreach (var row in client.QueryAsync(table, query, cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }

    private static string? Text(JsonObject row, string column) => row[column]?.GetValue<string>();

    private static bool SameText(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
