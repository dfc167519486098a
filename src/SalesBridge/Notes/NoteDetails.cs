namespace SalesBridge.Notes;

/// <summary>A note as the API and pages show it; exactly one of <see cref="PersonId"/> and <see cref="CompanyId"/> is set.</summary>
public sealed record NoteDetails(
    Guid Id,
    Guid? PersonId,
    Guid? CompanyId,
    string Text,
    bool CopyToCrm,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static readonly System.Linq.Expressions.Expression<Func<Note, NoteDetails>> FromNote = note =>
        new NoteDetails(note.Id, note.PersonId, note.CompanyId, note.Text, note.CopyToCrm, note.CreatedAt, note.UpdatedAt);

    private static readonly Func<Note, NoteDetails> FromLoadedNote = FromNote.Compile();

    internal static NoteDetails Of(Note note) => FromLoadedNote(note);
}
