using SalesBridge.Paging;
using SalesBridge.Web.Pages.Shared;
using SalesBridge.WriteBackReports;

namespace SalesBridge.Web.Pages.WriteBack;

/// <summary>
/// The unresolved task report's table (S15), shared by the seat holder's page and the admin's: one row per person with
/// Edit match / Create record. Those link to the flows that exist: the caller's saved lead (or account), whose page has both;
/// for an admin, the match report's unmatched CRM records; otherwise the person's page, where saving them as a lead opens both.
/// </summary>
public sealed record UnresolvedTable(Page<UnresolvedRow> Rows, PagerModel Pager, bool ForAdmin)
{
    public static string SubjectUrl(UnresolvedRow row) => row.PersonId is { } personId ? $"/People/{personId}" : $"/Companies/{row.CompanyId}";

    /// <summary>Where Edit match and Create record are for this row, and whether that page has them itself.</summary>
    public (string Url, bool Direct) MatchFlow(UnresolvedRow row) =>
        row.SavedLeadId is { } leadId ? ($"/Leads/{leadId}#crm-match-heading", true)
        : row.SavedAccountId is { } accountId ? ($"/Accounts/{accountId}#crm-match-heading", true)
        : ForAdmin ? ($"/Admin/Crm/Matches?state=unmatched&kind={(row.PersonId is null ? "account" : "contact")}", true)
        : (SubjectUrl(row), false);
}
