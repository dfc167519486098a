using SalesBridge.CrmConnection;
using SalesBridge.Dataverse;
using SalesBridge.Errors;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Write-back is only switched on (or its creator changed) when the connected account holds what it will need
/// (B3): otherwise every written-back item would fail later, one by one. Each missing privilege is named.
/// </summary>
internal static class WriteBackPrivilegeGate
{
    /// <exception cref="RequestValidationException">
    /// On <c>creator</c> when only act-on-behalf is missing (impersonation), otherwise on <c>writeBackEnabled</c>.
    /// </exception>
    public static async Task RequireAsync(DataverseClient client, WriteBackCreator creator, CancellationToken cancellationToken)
    {
        var me = await client.WhoAmIAsync(null, cancellationToken).ConfigureAwait(false);
        var held = (await client.RetrieveUserPrivilegesAsync(me.UserId, cancellationToken).ConfigureAwait(false)).Select(p => p.PrivilegeName);
        var required = CrmPrivilegeRequirements.WriteBack(new WriteBackPrivilegeOptions { CreatorIsSeatHolder = creator == WriteBackCreator.SeatHolder });
        var missing = CrmPrivilegeRequirements.Missing(required, held);
        if (missing.Count == 0) return;
        var field = missing.All(p => p.Name == "prvActOnBehalfOfAnotherUser") ? "creator" : "writeBackEnabled";
        throw new RequestValidationException(field,
            $"{ConnectionFailureMessages.InsufficientPrivileges} The connected account lacks what write-back needs: " +
            $"{string.Join("; ", missing.Select(p => p.Describe()))}.");
    }
}
