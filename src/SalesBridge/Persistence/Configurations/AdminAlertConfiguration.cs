using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Alerts;
using SalesBridge.Contracts;

namespace SalesBridge.Persistence.Configurations;

internal sealed class AdminAlertConfiguration : IEntityTypeConfiguration<AdminAlert>
{
    public void Configure(EntityTypeBuilder<AdminAlert> alert)
    {
        alert.HasIndex(a => new { a.ContractId, a.ResolvedAt });
        alert.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
        alert.Property(a => a.Title).HasMaxLength(AdminAlert.MaxTitleLength);
        alert.Property(a => a.Detail).HasMaxLength(AdminAlert.MaxDetailLength);
    }
}
