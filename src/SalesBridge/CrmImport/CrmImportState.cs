namespace SalesBridge.CrmImport;

/// <summary>
/// Where a contract's import stands between runs: the change-tracking links each table continues from (B2), and the
/// settings the stored records were read under. When those settings change, or the CRM says a link expired, the next
/// run reads everything again.
/// </summary>
public sealed class CrmImportState
{
    public const int MaxLinkLength = 4000;

    public Guid ContractId { get; init; }

    /// <summary>The organization the links belong to; a reconnect to another org starts over.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The pipeline stage column the opportunity records hold the value of (null: <i>Not Sure</i>).</summary>
    public string? StageColumn { get; set; }

    /// <summary>
    /// The stage column's option values in the org's order, comma-separated, read with the opportunities: "at or past a
    /// stage" means at or after its position in this list (option values need not grow with the stage).
    /// </summary>
    public string? StageOrder { get; set; }

    /// <summary>The ids of the org's connection roles named "Stakeholder", comma-separated.</summary>
    public string? StakeholderRoleIds { get; set; }

    public string? OpportunitiesDeltaLink { get; set; }
    public string? StakeholdersDeltaLink { get; set; }
    public string? AccountsDeltaLink { get; set; }
    public string? ContactsDeltaLink { get; set; }

    /// <summary>When the last full read finished; null before the first.</summary>
    public DateTimeOffset? LastFullReadAt { get; set; }

    /// <summary>Forgets the links, so the next run reads everything.</summary>
    public void StartOver()
    {
        OpportunitiesDeltaLink = StakeholdersDeltaLink = AccountsDeltaLink = ContactsDeltaLink = null;
    }
}
