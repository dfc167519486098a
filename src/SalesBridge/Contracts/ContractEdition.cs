namespace SalesBridge.Contracts;

/// <summary>The licence tier of a contract. CRM sync is part of every edition SalesBridge sells.</summary>
public enum ContractEdition
{
    Core,
    Advanced,
    AdvancedPlus,
}
