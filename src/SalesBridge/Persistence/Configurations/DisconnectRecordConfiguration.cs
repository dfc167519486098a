using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;

namespace SalesBridge.Persistence.Configurations;

internal sealed class DisconnectRecordConfiguration : IEntityTypeConfiguration<DisconnectRecord>
{
    public void Configure(EntityTypeBuilder<DisconnectRecord> record)
    {
        record.HasIndex(r => new { r.ContractId, r.DisconnectedAt });
        record.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        record.Property(r => r.OrganizationUrl).HasMaxLength(OrgConnection.MaxUrlLength);
        record.Property(r => r.DisconnectedByName).HasMaxLength(OrgConnection.MaxNameLength);
    }
}
