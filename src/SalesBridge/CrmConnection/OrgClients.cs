using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBridge.Dataverse;
using SalesBridge.Errors;
using SalesBridge.Persistence;

namespace SalesBridge.CrmConnection;

/// <summary>
/// Dataverse clients for contracts' stored connections: what settings, import and write-back use to talk to a
/// contract's org as the connected user.
/// </summary>
public sealed class OrgClients(SalesBridgeDbContext db, DataverseClientFactory clients, OrgTokenProviders tokens, IOptions<CrmOptions> options)
{
    /// <summary>The contract's connection, or null when it never connected.</summary>
    public Task<OrgConnection?> FindConnectionAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.OrgConnections.SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);

    /// <summary>A client for the contract's org, signed in as the stored connection.</summary>
    /// <exception cref="ConflictException">The contract is not connected to a CRM (never, or disconnected).</exception>
    public async Task<DataverseClient> ForContractAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var connection = await FindConnectionAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (connection is null or { Status: OrgConnectionStatus.Disconnected })
        {
            throw new ConflictException("The contract is not connected to a CRM. Connect it under Admin Settings > CRM Settings first.");
        }
        return For(connection);
    }

    /// <summary>A client for <paramref name="connection"/>'s org, signed in with its stored credentials.</summary>
    public DataverseClient For(OrgConnection connection) => clients.Create(Options(new Uri(connection.OrganizationUrl)), tokens.For(connection));

    /// <summary>The client options for an org URL that passed <see cref="OrgUrlGate"/>.</summary>
    public DataverseClientOptions Options(Uri organizationUrl) => new()
    {
        OrganizationUrl = organizationUrl,
        AllowNonDynamicsHost = options.Value.AllowedExtraHosts.Contains(organizationUrl.Host, StringComparer.OrdinalIgnoreCase),
        RequestBudget = Math.Max(1, options.Value.OrgRequestBudget / options.Value.NodesSharingOrgBudget),
        RequestBudgetWindow = TimeSpan.FromMinutes(5),
    };
}
