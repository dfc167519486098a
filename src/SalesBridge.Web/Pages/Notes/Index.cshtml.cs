using Microsoft.AspNetCore.Mvc;
using SalesBridge.CrmCopy;
using SalesBridge.Notes;

namespace SalesBridge.Web.Pages.Notes;

/// <summary>
/// Where the notes panel's forms post (add, edit, delete), then back to the page they came from. A refused note
/// is shown here with its form and the reason, so that the text typed is not lost; editing also starts here.
/// </summary>
public sealed class IndexModel(GetNote get, AddNote add, EditNote edit, DeleteNote delete) : WorkspacePageModel
{
    public sealed class NoteInput
    {
        public Guid? PersonId { get; set; }
        public Guid? CompanyId { get; set; }
        public Guid? NoteId { get; set; }
        public string? Text { get; set; }
        /// <summary>The edit form shows the note's own choice; the add form posts the panel's pre-ticked box.</summary>
        public bool CopyToCrm { get; set; }
    }

    [BindProperty]
    public NoteInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Which form the page shows: a new note, or changes to <see cref="NoteInput.NoteId"/>.</summary>
    public bool Editing => Input.NoteId is not null;

    public string BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>The edit form for one note (<c>/Notes?noteId=...&amp;returnUrl=...</c>); without a note, back to where the caller was.</summary>
    public Task<IActionResult> OnGetAsync(Guid? noteId, CancellationToken cancellationToken) => RunAsync(async () =>
    {
        if (noteId is not { } id)
        {
            return LocalRedirect(BackUrl);
        }

        var note = await get.HandleAsync(Caller, id, cancellationToken);
        Input = new NoteInput { NoteId = note.Id, PersonId = note.PersonId, CompanyId = note.CompanyId, Text = note.Text, CopyToCrm = note.CopyToCrm };
        return Page();
    });

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        Input.NoteId = null;
        await add.HandleAsync(Caller, new AddNote.Request
        {
            PersonId = Input.PersonId, CompanyId = Input.CompanyId, Text = Input.Text, CopyToCrm = Input.CopyToCrm,
        }, cancellationToken);
        TempData["Notice"] = "Note added.";
        return LocalRedirect(BackUrl);
    }, nameof(Input));

    public Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await edit.HandleAsync(Caller, Input.NoteId ?? Guid.Empty, new EditNote.Request { Text = Input.Text ?? "", CopyToCrm = Input.CopyToCrm }, cancellationToken);
        TempData["Notice"] = "Note saved.";
        return LocalRedirect(BackUrl);
    }, nameof(Input));

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) => RunAsync(async () =>
    {
        await delete.HandleAsync(Caller, Input.NoteId ?? Guid.Empty, cancellationToken);
        TempData["Notice"] = "Note deleted.";
        return LocalRedirect(BackUrl);
    }, nameof(Input));
}
