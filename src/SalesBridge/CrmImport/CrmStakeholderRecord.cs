namespace SalesBridge.CrmImport;

/// <summary>A connection naming a contact as a stakeholder of an opportunity (SPEC S9), as the import last read it.</summary>
public sealed class CrmStakeholderRecord : ICrmRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The <c>connectionid</c>.</summary>
    public Guid CrmId { get; init; }

    public Guid OpportunityCrmId { get; set; }
    public Guid ContactCrmId { get; set; }
    /// <summary>The full read that last saw this row: a full read drops the rows it did not see.</summary>
    public Guid ReadInRunId { get; set; }
}
