namespace SalesBridge.CrmImport;

/// <summary>
/// An open opportunity as the import last read it: who owns it, how far it got and which accounts and contacts it
/// brings in (SPEC S9). Closed and deleted opportunities leave this table, and what they alone brought in leaves the
/// workspace with them (S10).
/// </summary>
public sealed class CrmOpportunityRecord : ICrmRecord
{
    public const int MaxNameLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid CrmId { get; init; }
    public string Name { get; set; } = "";

    /// <summary>The owning user (<c>_ownerid_value</c> when the owner is a user; null when a team owns it).</summary>
    public Guid? OwnerCrmUserId { get; set; }

    /// <summary>The value of the pipeline stage column the contract chose, as read (<see cref="CrmImportState.StageColumn"/>).</summary>
    public int? StageValue { get; set; }

    public Guid? AccountCrmId { get; set; }
    public Guid? ContactCrmId { get; set; }
    public Guid? CustomerCrmId { get; set; }
    public bool CustomerIsAccount { get; set; }

    /// <summary>The full read that last saw this row: a full read drops the rows it did not see.</summary>
    public Guid ReadInRunId { get; set; }
}
