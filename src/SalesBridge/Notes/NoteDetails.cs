using SalesBridge.WriteBackReports;

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
    /// <summary>Where the note stands with the CRM (S14); null when it is not copied to the CRM.</summary>
    public ItemCrmState? Crm { get; init; }

    /// <summary>The notes with their CRM states, read in one query for all of them.</summary>
    internal static async Task<IReadOnlyList<NoteDetails>> WithCrmAsync(Persistence.SalesBridgeDbContext db, Guid contractId, IReadOnlyList<NoteDetails> notes,
        CancellationToken cancellationToken)
    {
        var states = await ItemCrmStates.LoadAsync(db, contractId, notes.Select(n => n.Id).ToList(), cancellationToken);
        return notes.Select(n => n with { Crm = states.GetValueOrDefault(n.Id) }).ToList();
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Note, NoteDetails>> FromNote = note =>
        new NoteDetails(note.Id, note.PersonId, note.CompanyId, note.Text, note.CopyToCrm, note.CreatedAt, note.UpdatedAt);

    private static readonly Func<Note, NoteDetails> FromLoadedNote = FromNote.Compile();

    internal static NoteDetails Of(Note note) => FromLoadedNote(note);
}
