namespace SalesBridge.Lists;

/// <summary>The lists every seat holder has, filled by the CRM import (SPEC S9).</summary>
public static class SystemLists
{
    public static readonly SystemListDefinition CrmLeads = new("crm-leads", "My CRM Leads", SavedListKind.Leads);
    public static readonly SystemListDefinition CrmAccounts = new("crm-accounts", "My CRM Accounts", SavedListKind.Accounts);

    public static IReadOnlyList<SystemListDefinition> All { get; } = [CrmLeads, CrmAccounts];
}

public sealed record SystemListDefinition(string Key, string Name, SavedListKind Kind);
