using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmSettings;

namespace SalesBridge.Persistence.Configurations;

internal sealed class ContractCrmSettingsConfiguration : IEntityTypeConfiguration<ContractCrmSettings>
{
    public void Configure(EntityTypeBuilder<ContractCrmSettings> settings)
    {
        settings.HasKey(s => s.ContractId);
        settings.HasOne<Contract>().WithOne().HasForeignKey<ContractCrmSettings>(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        settings.Property(s => s.PipelineStageColumn).HasMaxLength(ContractCrmSettings.MaxColumnNameLength);
        settings.Property(s => s.PipelineStageLabel).HasMaxLength(ContractCrmSettings.MaxLabelLength);
        settings.Property(s => s.WonValueColumn).HasMaxLength(ContractCrmSettings.MaxColumnNameLength);
        settings.Property(s => s.Revision).IsConcurrencyToken();
    }
}
