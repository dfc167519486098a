namespace SalesBridge.CrmConnection;

/// <summary>What a privilege is needed for: reading the CRM (import) or writing activities into it (write-back).</summary>
public enum CrmPrivilegeGroup
{
    Import,
    WriteBack,
}

/// <summary>
/// One Dataverse privilege SalesBridge needs, by the name <c>RetrieveUserPrivileges</c> reports (e.g.
/// <c>prvReadOpportunity</c>), with a label for admins ("Read Opportunity") and the tables it covers.
/// </summary>
public sealed record CrmPrivilege(string Name, string Label, string Tables, CrmPrivilegeGroup Group)
{
    /// <summary>How the privilege is shown beneath a failure: name, label and tables.</summary>
    public string Describe() => $"{Name} ({Label}) on {Tables}";
}
