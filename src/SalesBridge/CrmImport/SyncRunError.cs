namespace SalesBridge.CrmImport;

/// <summary>A record a run could not import, and why (B8): the run went on without it.</summary>
public sealed class SyncRunError
{
    public const int MaxTextLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RunId { get; init; }

    /// <summary>The CRM table, e.g. <c>contact</c>.</summary>
    public required string Table { get; init; }

    public Guid? CrmId { get; init; }
    public required string Message { get; init; }
    public DateTimeOffset At { get; init; }
}
