using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmSettings;

namespace SalesBridge.Persistence.Configurations;

internal sealed class CrmSettingsChangeConfiguration : IEntityTypeConfiguration<CrmSettingsChange>
{
    public void Configure(EntityTypeBuilder<CrmSettingsChange> change)
    {
        change.HasIndex(c => new { c.ContractId, c.ChangedAt });
        change.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        change.Property(c => c.ChangedByName).HasMaxLength(200);
        change.Property(c => c.Setting).HasMaxLength(100);
        change.Property(c => c.OldValue).HasMaxLength(CrmSettingsChange.MaxValueLength);
        change.Property(c => c.NewValue).HasMaxLength(CrmSettingsChange.MaxValueLength);
    }
}
