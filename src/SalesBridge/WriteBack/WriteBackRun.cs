namespace SalesBridge.WriteBack;

/// <summary>
/// One pass of the write-back worker over a contract's outbox (SPEC S21, B7): what it wrote, what it left and how many
/// CRM requests that took. Passes that found nothing to do are not recorded.
/// </summary>
public sealed class WriteBackRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The process that made the pass (<see cref="Observability.NodeName"/>).</summary>
    public string? Node { get; init; }

    /// <summary>Written as completed activities regarding a matched record.</summary>
    public int Completed { get; set; }

    /// <summary>Written as open activities (no CRM record for the person yet).</summary>
    public int Unresolved { get; set; }

    /// <summary>Open activities re-linked to a record found since and completed (S17).</summary>
    public int Relinked { get; set; }

    /// <summary>Left for a later attempt after a 429, a 5xx or a dropped connection.</summary>
    public int Retried { get; set; }

    public int Failed { get; set; }

    /// <summary>Held back by settings or the connection, or skipped as their type is not written back.</summary>
    public int Held { get; set; }

    public int CrmRequests { get; set; }

    /// <summary>Why the pass stopped early (the CRM could not be reached, the connection failed), in the S4 wording.</summary>
    public string? FailureMessage { get; set; }
}
