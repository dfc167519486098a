using SalesBridge.Leads;
using SalesBridge.Web.Pages.Lists;

namespace SalesBridge.Web.Pages.Leads;

/// <summary>
/// One saved lead as the seat holder keeps it. Unmatched CRM contacts have no directory page, so the leads list links
/// here: the page shows what the CRM holds, why it stands alone, and the way to the record in Dynamics.
/// </summary>
public sealed class LeadDetailsModel(GetSavedLead getLead) : SeatHolderPageModel
{
    public SavedLeadSummary Lead { get; private set; } = null!;

    public string? Location => string.Join(", ", new[] { Lead.City, Lead.Country }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } place ? place : null;

    // A lead of another seat holder or contract is "not found" (RefusalPageFilter answers 404).
    public async Task OnGetAsync(Guid savedLeadId) => Lead = await getLead.HandleAsync(Caller, savedLeadId, HttpContext.RequestAborted);
}
