using SalesBridge.Accounts;
using SalesBridge.Leads;

namespace SalesBridge.Web.Pages.Shared;

/// <summary>
/// What the leads and accounts pages show of an item's CRM side (SPEC S9, S11): brought in by the CRM, tied to no
/// workspace record, and the "In CRM" link. One partial (<c>_CrmMarkers</c>) so both pages and their details say it alike.
/// </summary>
public sealed record CrmMarkers(string Name, bool ImportedFromCrm, bool Unmatched, string? CrmUrl, string UnmatchedExplanation)
{
    public static CrmMarkers Of(SavedLeadSummary lead) => new(lead.FullName, lead.ImportedFromCrm, lead.Unmatched, lead.CrmUrl,
        "Matching found no person in the workspace for this CRM contact; it shows what the CRM holds.");

    public static CrmMarkers Of(SavedAccountSummary account) => new(account.Name, account.ImportedFromCrm, account.Unmatched, account.CrmUrl,
        "Matching found no company in the workspace for this CRM account; it shows what the CRM holds.");
}
