using SalesBridge.Access;
using SalesBridge.Notes;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Notes;

/// <summary>The caller's notes on people (leads) and companies (accounts).</summary>
internal static class NotesApi
{
    /// <summary>The body of a new note; the subject comes from the route.</summary>
    public sealed record NewNote(string? Text, bool? CopyToCrm);

    public static void MapNotesApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people/{personId:guid}/notes").WithTags("Notes");
        people.MapGet("", (Caller caller, Guid personId, [AsParameters] PageRequest page, ListNotes list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, new ListNotes.Request { PersonId = personId, Page = page.Page, PageSize = page.PageSize }, cancellationToken))
            .WithSummary("The caller's notes on a person, newest first.")
            .Produces<Page<NoteDetails>>();
        people.MapPost("", async (Caller caller, Guid personId, NewNote body, AddNote add, CancellationToken cancellationToken) =>
            {
                var note = await add.HandleAsync(caller, new AddNote.Request { PersonId = personId, Text = body.Text, CopyToCrm = body.CopyToCrm }, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/notes/{note.Id}", note);
            })
            .WithSummary("Add a note on a person; copyToCrm defaults to the contract's write-back setting.");

        var companies = api.MapGroup("/companies/{companyId:guid}/notes").WithTags("Notes");
        companies.MapGet("", (Caller caller, Guid companyId, [AsParameters] PageRequest page, ListNotes list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, new ListNotes.Request { CompanyId = companyId, Page = page.Page, PageSize = page.PageSize }, cancellationToken))
            .WithSummary("The caller's notes on a company, newest first.")
            .Produces<Page<NoteDetails>>();
        companies.MapPost("", async (Caller caller, Guid companyId, NewNote body, AddNote add, CancellationToken cancellationToken) =>
            {
                var note = await add.HandleAsync(caller, new AddNote.Request { CompanyId = companyId, Text = body.Text, CopyToCrm = body.CopyToCrm }, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/notes/{note.Id}", note);
            })
            .WithSummary("Add a note on a company; copyToCrm defaults to the contract's write-back setting.");

        var notes = api.MapGroup("/notes").WithTags("Notes");
        notes.MapPatch("/{noteId:guid}", (Caller caller, Guid noteId, EditNote.Request request, EditNote edit, CancellationToken cancellationToken) =>
                edit.HandleAsync(caller, noteId, request, cancellationToken))
            .WithSummary("Change the text and/or the Copy to CRM choice of one of the caller's notes.");
        notes.MapDelete("/{noteId:guid}", async (Caller caller, Guid noteId, DeleteNote delete, CancellationToken cancellationToken) =>
            {
                await delete.HandleAsync(caller, noteId, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete one of the caller's notes.");
    }
}
