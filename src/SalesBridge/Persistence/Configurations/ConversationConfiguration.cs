using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Conversations;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.Property(c => c.Subject).HasMaxLength(Conversation.MaxSubjectLength);
        conversation.HasIndex(c => new { c.SeatHolderId, c.LastMessageAt });
        conversation.HasIndex(c => new { c.SeatHolderId, c.PersonId });
        conversation.HasIndex(c => c.ContractId);
        conversation.HasOne<WorkspaceUser>().WithMany().HasForeignKey(c => c.SeatHolderId).OnDelete(DeleteBehavior.Cascade);
        conversation.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        conversation.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> message)
    {
        message.Property(m => m.Body).HasMaxLength(ConversationMessage.MaxMessageBodyLength);
        message.HasIndex(m => new { m.ConversationId, m.SentAt });
        message.HasIndex(m => m.ContractId);
    }
}
