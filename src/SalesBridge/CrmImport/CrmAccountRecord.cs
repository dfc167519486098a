using SalesBridge.PeopleDirectory;

namespace SalesBridge.CrmImport;

/// <summary>
/// A CRM account as the import last read it, kept while an open opportunity refers to it: what saved accounts from
/// the CRM show, what matching compares, and what later runs compare changes with. Never shown half-updated: runs
/// change these rows, the saved accounts built from them change in one transaction at the end of a run.
/// </summary>
public sealed class CrmAccountRecord : ICrmRecord
{
    public const int MaxNameLength = 160;
    public const int MaxTextLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The row's <c>accountid</c> in the org.</summary>
    public Guid CrmId { get; init; }

    public string Name { get; set; } = "";
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }

    /// <summary>The workspace company matching tied it to, or an admin or seat holder chose; null when unmatched.</summary>
    public Guid? CompanyId { get; set; }

    public CrmMatch Match { get; set; } = new();

    /// <summary>
    /// Deleted in the CRM (or not seen by a full read): it stays until the run's last step has removed what it brought
    /// into the workspace, so saved items never point at nothing in between.
    /// </summary>
    public bool RemovedFromCrm { get; set; }

    /// <summary>New, or changed in a field matching compares: matched again once an opportunity brings it in.</summary>
    public bool MatchPending { get; set; } = true;

    /// <summary>The full read that last saw this row: a full read drops the rows it did not see.</summary>
    public Guid ReadInRunId { get; set; }

    /// <summary>Folded text of the shown fields, so saved items from the CRM are found like directory ones.</summary>
    public string SearchText { get; private set; } = "";

    public void RefreshSearchText() => SearchText = DirectorySearchText.Of(Name, Website, City, Region, Country);

}
