namespace SalesBridge.CrmConnection;

/// <summary>
/// The privileges SalesBridge needs in the org, as Dataverse names them. Names follow
/// <c>prv{Right}{SchemaName}</c>, except users (<c>prvReadUser</c>) and activities: custom activity tables inherit
/// the privileges of <c>activitypointer</c> (Microsoft, "Custom activities"), so the SalesBridge activity tables
/// are covered by <c>prvCreateActivity</c>, <c>prvWriteActivity</c> and <c>prvAppendActivity</c>.
/// Reading table definitions needs no privilege (Microsoft, "RetrieveEntity message privileges": none), so the
/// metadata is checked by reading it, not by a privilege name.
/// </summary>
public static class CrmPrivilegeRequirements
{
    /// <summary>What import reads: users, opportunities and their stakeholders, accounts, contacts, leads.</summary>
    public static IReadOnlyList<CrmPrivilege> Import { get; } =
    [
        Read("prvReadUser", "User", "systemuser"),
        Read("prvReadOpportunity", "Opportunity", "opportunity"),
        Read("prvReadAccount", "Account", "account"),
        Read("prvReadContact", "Contact", "contact"),
        Read("prvReadLead", "Lead", "lead"),
        Read("prvReadConnection", "Connection", "connection"),
        // Stakeholders are connections whose role is "Stakeholder"; the role is looked up by name.
        Read("prvReadConnectionRole", "Connection Role", "connectionrole"),
    ];

    /// <summary>The tables import reads whose definitions (columns, choices) must be readable.</summary>
    public static IReadOnlyList<string> ImportTables { get; } = ["systemuser", "opportunity", "account", "contact", "lead", "connection"];

    /// <summary>What write-back needs for <paramref name="options"/>.</summary>
    public static IReadOnlyList<CrmPrivilege> WriteBack(WriteBackPrivilegeOptions options)
    {
        var activityTables = string.Join(", ", options.ActivityTables);
        List<CrmPrivilege> privileges =
        [
            new("prvCreateActivity", "Create Activity", activityTables, CrmPrivilegeGroup.WriteBack),
            new("prvWriteActivity", "Write Activity", activityTables, CrmPrivilegeGroup.WriteBack),
            // Append: setting an activity's regarding record and parties.
            new("prvAppendActivity", "Append Activity", activityTables, CrmPrivilegeGroup.WriteBack),
            // Append to: the contact, account or lead an activity is regarding.
            new("prvAppendToContact", "Append To Contact", "contact", CrmPrivilegeGroup.WriteBack),
            new("prvAppendToAccount", "Append To Account", "account", CrmPrivilegeGroup.WriteBack),
            new("prvAppendToLead", "Append To Lead", "lead", CrmPrivilegeGroup.WriteBack),
        ];
        if (options.CreatorIsSeatHolder)
        {
            privileges.Add(new("prvActOnBehalfOfAnotherUser", "Act on Behalf of Another User", "(organization)", CrmPrivilegeGroup.WriteBack));
        }
        return privileges;
    }

    /// <summary>The required privileges that <paramref name="held"/> lacks, in the order they are listed above.</summary>
    public static IReadOnlyList<CrmPrivilege> Missing(IEnumerable<CrmPrivilege> required, IEnumerable<string> held)
    {
        // The 403 message spells privileges with the logical name ("prvReadopportunity"); compare without case.
        var names = held.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required.Where(p => !names.Contains(p.Name)).ToArray();
    }

    private static CrmPrivilege Read(string name, string label, string table) => new(name, $"Read {label}", table, CrmPrivilegeGroup.Import);
}
