using SalesBridge.CrmSettings;

namespace SalesBridge.WriteBack;

/// <summary>
/// One note, InMail or message a seat holder copies to the CRM (SPEC S14–S17, B6): the outbox row committed in the same
/// transaction as the item, and afterwards the item's write-back state. <see cref="Pending"/> marks that something is
/// still to be written (the first write or a re-link); the worker clears it in the transaction that records the outcome,
/// so an item whose outcome was lost (a crash, a dropped connection) is simply written again, and the alternate key on
/// <c>sb_itemid</c> makes that second write land on the same activity.
/// </summary>
public sealed class WriteBackItem
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public WriteBackItemKind Kind { get; init; }

    /// <summary>The note's or message's id; also the activity's <c>sb_itemid</c> (as "N" text) and the seed of its activityid.</summary>
    public Guid ItemId { get; init; }

    /// <summary>The seat holder who wrote or sent the item: the activity's owner (S16).</summary>
    public Guid SeatHolderId { get; init; }

    /// <summary>Who the item is about: the person of a conversation or a lead note, or the company of an account note.</summary>
    public Guid? PersonId { get; init; }
    public Guid? CompanyId { get; init; }

    /// <summary>The conversation of an InMail or message (<c>sb_threadid</c>).</summary>
    public Guid? ThreadId { get; init; }

    public WriteBackStatus Status { get; set; } = WriteBackStatus.Queued;

    /// <summary>Why the item waits, was skipped or failed, in words for the seat holder; null when written or queued.</summary>
    public string? Reason { get; set; }

    /// <summary>True while the item has something to write (the outbox mark).</summary>
    public bool Pending { get; set; } = true;

    /// <summary>Not before this time (retries back off); null = at once.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Failed attempts since the last success; drives the back-off and gives up after <see cref="WriteBackPolicy.MaxAttempts"/>.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset? WrittenAt { get; set; }

    /// <summary>The activity's id in the org, decided by SalesBridge (name-based on the item) so that it is known before the CRM answers.</summary>
    public Guid ActivityId { get; init; }

    /// <summary>The CRM record the activity regards once completed (a contact or an account), null while unresolved.</summary>
    public string? RegardingTable { get; set; }
    public Guid? RegardingCrmId { get; set; }

    /// <summary>Whether the activity exists in the org (completed or open).</summary>
    public bool IsInCrm => Status is WriteBackStatus.Written or WriteBackStatus.Unresolved;

    /// <summary>Optimistic concurrency between the worker and a seat holder unticking the item at the same moment.</summary>
    public Guid Revision { get; set; } = Guid.NewGuid();
}

public enum WriteBackStatus
{
    /// <summary>Waiting for the worker (normally seconds).</summary>
    Queued,

    /// <summary>In the CRM as a completed activity regarding the matched contact or account.</summary>
    Written,

    /// <summary>In the CRM as an open activity because the person or company has no CRM record yet (S15); listed in the unresolved report.</summary>
    Unresolved,

    /// <summary>Held back by a setting or the connection (write-back off, the seat not syncing, the connection paused); written when that changes.</summary>
    Waiting,

    /// <summary>Not written because the admin does not write back items of this type (S13).</summary>
    Skipped,

    /// <summary>The CRM refused it for a reason retrying cannot fix, or it kept failing; the reason says which.</summary>
    Failed,
}
