using Microsoft.AspNetCore.Mvc;
using SalesBridge.Access;
using SalesBridge.CrmCopy;
using SalesBridge.CrmSettings;
using SalesBridge.Notes;
using SalesBridge.Paging;

namespace SalesBridge.Web.Pages.Shared.Components.NotesPanel;

/// <summary>What the notes panel shows: the caller's notes on one subject and where its forms come back to.</summary>
public sealed record NotesPanelModel(Guid? PersonId, Guid? CompanyId, Page<NoteDetails> Notes, string ReturnUrl, bool CopyToCrmByDefault);

/// <summary>
/// The caller's notes on a person or a company, with a form to add one and edit/delete per note. Hosted by the
/// person and company pages: <c>Component.InvokeAsync("NotesPanel", new { personId, companyId })</c>. The forms post
/// to <c>/Notes</c>, which comes back here.
/// </summary>
public sealed class NotesPanelViewComponent(ListNotes list, Caller caller, CopyToCrmDefaults copyDefaults) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? personId, Guid? companyId)
    {
        if (!caller.HasSeat)
        {
            return Content("");
        }

        var notes = await list.HandleAsync(caller,
            new ListNotes.Request { PersonId = personId, CompanyId = companyId, PageSize = PageRequest.MaxPageSize }, HttpContext.RequestAborted);
        var returnUrl = $"{Request.PathBase}{Request.Path}{Request.QueryString}";
        var copyByDefault = await copyDefaults.ForAsync(caller.ContractId, WriteBackItemKind.Note, HttpContext.RequestAborted);
        return View(new NotesPanelModel(personId, companyId, notes, returnUrl, copyByDefault));
    }
}
