using SalesBridge.PeopleDirectory;

namespace SalesBridge.CrmImport;

/// <summary>
/// A CRM contact as the import last read it, kept while an open opportunity refers to it (primary contact, customer or
/// stakeholder). Saved leads from the CRM point at it; see <see cref="CrmAccountRecord"/> for how it changes.
/// </summary>
public sealed class CrmContactRecord : ICrmRecord
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }

    /// <summary>The row's <c>contactid</c> in the org.</summary>
    public Guid CrmId { get; init; }

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public string? Phone { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }

    /// <summary>The account the contact works for (<c>parentcustomerid</c> when it is an account).</summary>
    public Guid? AccountCrmId { get; set; }

    /// <summary>The account's name as the CRM formats it, for matching on company.</summary>
    public string? CompanyName { get; set; }

    /// <summary>The workspace person matching tied it to, or a seat holder chose; null when unmatched.</summary>
    public Guid? PersonId { get; set; }

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

    public void RefreshSearchText() => SearchText = DirectorySearchText.Of(FirstName, LastName, JobTitle, CompanyName, City, Country, Email);


    public string FullName => $"{FirstName} {LastName}".Trim();
}
