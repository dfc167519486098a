namespace SalesBridge.Lists;

/// <summary>What a list holds: saved leads or saved accounts, never both.</summary>
public enum SavedListKind
{
    Leads,
    Accounts,
}
