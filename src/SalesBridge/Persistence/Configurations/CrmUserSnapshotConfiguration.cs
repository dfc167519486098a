using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmSeats;

namespace SalesBridge.Persistence.Configurations;

internal sealed class CrmUserSnapshotConfiguration : IEntityTypeConfiguration<CrmUserSnapshot>
{
    public void Configure(EntityTypeBuilder<CrmUserSnapshot> user)
    {
        user.HasIndex(u => new { u.ContractId, u.SystemUserId }).IsUnique();
        user.HasOne<Contract>().WithMany().HasForeignKey(u => u.ContractId).OnDelete(DeleteBehavior.Cascade);
        user.Property(u => u.FullName).HasMaxLength(CrmUserSnapshot.MaxNameLength);
        user.Property(u => u.Email).HasMaxLength(CrmUserSnapshot.MaxEmailLength);
    }
}
