namespace SalesBridge.Notes;

/// <summary>
/// A seat holder's note on a lead (a directory person) or an account (a directory company); exactly one of the
/// two is set. Notes belong to the person or company rather than to the saved row, so unsaving keeps them.
/// </summary>
public sealed class Note
{
    public const int MaxTextLength = 10_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid AuthorId { get; init; }
    public Guid? PersonId { get; init; }
    public Guid? CompanyId { get; init; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The seat holder's <i>Copy to CRM</i> choice for this note (SPEC S14).</summary>
    public bool CopyToCrm { get; set; }
}
