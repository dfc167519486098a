namespace SalesBridge.CrmImport;

/// <summary>What a run reads under: the contract, the pipeline stage column it keeps values of, and the org's stakeholder roles.</summary>
internal sealed record ImportScope(Guid ContractId, string? StageColumn, IReadOnlySet<Guid> StakeholderRoleIds);
