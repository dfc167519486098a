namespace SalesBridge.CrmImport;

/// <summary>What every CRM record the import keeps has: its contract, its row id in the org, and the full read that last saw it.</summary>
public interface ICrmRecord
{
    Guid ContractId { get; }
    Guid CrmId { get; }
    Guid ReadInRunId { get; set; }
}
