using SalesBridge.Dataverse;

namespace SalesBridge.CrmImport;

/// <summary>
/// The org's connection roles named "Stakeholder" (SPEC S9: the stakeholders of an opportunity are contacts connected
/// to it in that role). Read by name: orgs create the role themselves, so its id differs from org to org.
/// </summary>
internal static class StakeholderRoles
{
    public const string Name = "Stakeholder";

    public static async Task<HashSet<Guid>> ReadAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var roles = new HashSet<Guid>();
        var query = new DataverseQuery { Select = ["connectionroleid"], Filter = ODataFilter.Eq("name", Name) };
        await foreach (var role in client.QueryAsync("connectionroles", query, cancellationToken: cancellationToken))
        {
            if (CrmRows.Id(role, "connectionroleid") is { } id) roles.Add(id);
        }
        return roles;
    }
}
