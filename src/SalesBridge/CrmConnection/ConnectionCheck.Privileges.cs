using SalesBridge.Dataverse;

namespace SalesBridge.CrmConnection;

public sealed partial class ConnectionCheck
{
    /// <summary>
    /// Lists every missing privilege, for import and for write-back, from one <c>RetrieveUserPrivileges</c> of the
    /// signed-in user. Missing import privileges fail; missing write-back ones fail only when write-back is asked for.
    /// </summary>
    /// <returns>Whether the checks may go on.</returns>
    private static async Task<bool> CheckPrivilegesAsync(DataverseClient client, ConnectionCheckRequest request, Run run, CancellationToken cancellationToken)
    {
        var held = (await client.RetrieveUserPrivilegesAsync(run.Facts.SignedInUserId, cancellationToken).ConfigureAwait(false))
            .Select(p => p.PrivilegeName).ToArray();
        var import = PrivilegeStep(ConnectionCheckKind.ImportPrivileges,
            CrmPrivilegeRequirements.Missing(CrmPrivilegeRequirements.Import, held), ConnectionCheckOutcome.Failed, "Import reads");
        var writeBack = PrivilegeStep(ConnectionCheckKind.WriteBackPrivileges,
            CrmPrivilegeRequirements.Missing(CrmPrivilegeRequirements.WriteBack(request.WriteBack), held),
            request.WriteBackRequested ? ConnectionCheckOutcome.Failed : ConnectionCheckOutcome.Warning,
            request.WriteBackRequested ? "Write-back writes" : "Write-back is off; before switching it on, grant what it writes");
        run.Steps.Add(import);
        run.Steps.Add(writeBack);
        return import.Outcome != ConnectionCheckOutcome.Failed && writeBack.Outcome != ConnectionCheckOutcome.Failed;
    }

    private static ConnectionCheckStep PrivilegeStep(ConnectionCheckKind kind, IReadOnlyList<CrmPrivilege> missing, ConnectionCheckOutcome whenMissing, string purpose)
    {
        if (missing.Count == 0) return ConnectionCheckStep.Passed(kind, "The signed-in account holds every privilege needed.");
        var causes = missing.Select(p => $"Missing {p.Describe()}.").Prepend($"{purpose} with these privileges, which the signed-in account lacks:");
        return new ConnectionCheckStep(kind, whenMissing, ConnectionFailureMessages.InsufficientPrivileges, causes.ToArray(), missing);
    }

    /// <summary>Reads the definition of every table import reads; a table that cannot be read is named with what the CRM said.</summary>
    private static async Task<ConnectionCheckStep> CheckRequiredObjectsAsync(DataverseClient client, CancellationToken cancellationToken)
    {
        var causes = new List<string>();
        foreach (var table in CrmPrivilegeRequirements.ImportTables)
        {
            try
            {
                await client.GetAttributesAsync(table, "Uniqueidentifier", cancellationToken).ConfigureAwait(false);
            }
            catch (DataverseException failure) when (failure is not (DataverseUnreachableException or DataverseUnauthorizedException))
            {
                causes.Add($"The definition of table '{table}' could not be read: {failure.Message}");
            }
        }
        return causes.Count == 0
            ? ConnectionCheckStep.Passed(ConnectionCheckKind.RequiredObjects, $"Read the definitions of {string.Join(", ", CrmPrivilegeRequirements.ImportTables)}.")
            : ConnectionCheckStep.Failed(ConnectionCheckKind.RequiredObjects, ConnectionFailureMessages.RequiredObjectsUnreadable, causes.ToArray());
    }
}
