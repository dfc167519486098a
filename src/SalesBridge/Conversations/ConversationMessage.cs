namespace SalesBridge.Conversations;

/// <summary>One InMail or message of a conversation.</summary>
public sealed class ConversationMessage
{
    /// <summary>InMails are short by design (the prospecting products we follow cap them near 2,000 characters).</summary>
    public const int MaxInMailBodyLength = 2_000;
    public const int MaxMessageBodyLength = 8_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid ConversationId { get; init; }
    public MessageKind Kind { get; init; }
    public MessageDirection Direction { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset SentAt { get; init; }

    /// <summary>The seat holder's <i>Copy message to CRM</i> choice for this message (SPEC S14).</summary>
    public bool CopyToCrm { get; set; }

    public static int MaxBodyLength(MessageKind kind) => kind == MessageKind.InMail ? MaxInMailBodyLength : MaxMessageBodyLength;
}
