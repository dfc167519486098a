using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.CrmMatches;

namespace SalesBridge.Web.Pages.Shared.Components.CrmMatch;

/// <summary>What the CRM match card shows, and where its actions come back to.</summary>
public sealed record CrmMatchPanelModel(CrmMatchView? Match, CrmRecordKind Kind, Guid? SavedItemId, bool CanCreateRecord, string? CreateRecordUnavailable,
    bool CanEdit, string ReturnUrl);

/// <summary>
/// The CRM match card (SPEC S11) on the lead, account and person pages: what the item is tied to in the CRM and why,
/// with Edit match (its own page, with a directory search) and, for a lead or account without a CRM record, Create record.
/// Hosted with <c>Component.InvokeAsync("CrmMatch", new { savedLeadId })</c> (or savedAccountId, or personId).
/// </summary>
public sealed class CrmMatchViewComponent(GetLeadMatch leadMatch, GetAccountMatch accountMatch, GetPersonMatch personMatch, Caller caller) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? savedLeadId = null, Guid? savedAccountId = null, Guid? personId = null)
    {
        if (!caller.HasSeat) return Content("");
        var returnUrl = $"{Request.PathBase}{Request.Path}{Request.QueryString}";
        var cancellationToken = HttpContext.RequestAborted;
        if (savedLeadId is { } leadId)
        {
            var item = await leadMatch.HandleAsync(caller, leadId, cancellationToken);
            return View(new CrmMatchPanelModel(item.Match, CrmRecordKind.Contact, leadId, item.CanCreateRecord, item.CreateRecordUnavailable, true, returnUrl));
        }
        if (savedAccountId is { } accountId)
        {
            var item = await accountMatch.HandleAsync(caller, accountId, cancellationToken);
            return View(new CrmMatchPanelModel(item.Match, CrmRecordKind.Account, accountId, item.CanCreateRecord, item.CreateRecordUnavailable, true, returnUrl));
        }
        // On a person's page the match is shown only when there is one; editing goes through the saved lead.
        var match = personId is { } id ? await personMatch.HandleAsync(caller, id, cancellationToken) : null;
        return match is null ? Content("") : View(new CrmMatchPanelModel(match, CrmRecordKind.Contact, null, false, null, false, returnUrl));
    }
}
