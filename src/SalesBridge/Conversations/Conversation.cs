using SalesBridge.PeopleDirectory;

namespace SalesBridge.Conversations;

/// <summary>A thread between a seat holder and a directory person: InMails and messages in the order they were sent.</summary>
public sealed class Conversation
{
    public const int MaxSubjectLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid SeatHolderId { get; init; }
    public Guid PersonId { get; init; }
    public Person Person { get; init; } = null!;
    public required string Subject { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastMessageAt { get; set; }
    public List<ConversationMessage> Messages { get; init; } = [];
}
