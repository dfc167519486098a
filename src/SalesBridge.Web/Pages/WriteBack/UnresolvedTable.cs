using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.WriteBack;

/// <summary>
/// The unresolved task report's table (S15), shared by the seat holder's page and the admin's: one row per person with
/// Edit match / Create record. For a person both act on the person themselves (their page's CRM card, or Create record posted
/// straight to it), so nobody has to save them as a lead first; a company's row goes to the caller's saved account, or for an
/// admin to the match report's unmatched accounts.
/// </summary>
public sealed record UnresolvedTable(Page<UnresolvedRow> Rows, PagerModel Pager, bool ForAdmin)
{
    public static string SubjectUrl(UnresolvedRow row) => row.PersonId is { } personId ? $"/People/{personId}" : $"/Companies/{row.CompanyId}";

    /// <summary>The person's CRM card (Edit match's search, Create record); posting <c>handler=CreateRecord</c> to it creates at once.</summary>
    public static string PersonCrmCardUrl(Guid personId) => $"/People/{personId}#crm";

    /// <summary>Where a company's Edit match and Create record are, and whether that page has them itself.</summary>
    public (string Url, bool Direct) CompanyMatchFlow(UnresolvedRow row) =>
        row.SavedAccountId is { } accountId ? ($"/Accounts/{accountId}#crm-match-heading", true)
        : ForAdmin ? ("/Admin/Crm/Matches?state=unmatched&kind=account", true)
        : (SubjectUrl(row), false);
}
