using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.WriteBack;

namespace SalesBridge.Persistence.Configurations;

internal sealed class WriteBackItemConfiguration : IEntityTypeConfiguration<WriteBackItem>
{
    public void Configure(EntityTypeBuilder<WriteBackItem> item)
    {
        // One outbox row per item, ever: a second tick of the same item finds the first row.
        item.HasIndex(i => i.ItemId).IsUnique();
        // The worker's question: what is pending for this contract, oldest first.
        item.HasIndex(i => new { i.ContractId, i.Pending, i.QueuedAt });
        // The unresolved report and the re-link look items up by who they are about.
        item.HasIndex(i => new { i.ContractId, i.Status, i.PersonId });
        item.HasIndex(i => new { i.ContractId, i.SeatHolderId, i.Status });
        item.HasOne<Contract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
        item.Property(i => i.Reason).HasMaxLength(WriteBackItem.MaxReasonLength);
        item.Property(i => i.RegardingTable).HasMaxLength(64);
        item.Property(i => i.Revision).IsConcurrencyToken();
        item.Ignore(i => i.IsInCrm);
    }
}

internal sealed class WriteBackRunConfiguration : IEntityTypeConfiguration<WriteBackRun>
{
    public void Configure(EntityTypeBuilder<WriteBackRun> run)
    {
        run.Property(r => r.Node).HasMaxLength(Observability.NodeName.MaxLength);
        run.HasIndex(r => new { r.ContractId, r.StartedAt });
        run.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        run.Property(r => r.FailureMessage).HasMaxLength(WriteBackItem.MaxReasonLength);
    }
}
