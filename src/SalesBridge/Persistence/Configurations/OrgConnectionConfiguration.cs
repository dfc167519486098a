using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmConnection;

namespace SalesBridge.Persistence.Configurations;

internal sealed class OrgConnectionConfiguration : IEntityTypeConfiguration<OrgConnection>
{
    public void Configure(EntityTypeBuilder<OrgConnection> connection)
    {
        connection.HasIndex(c => c.ContractId).IsUnique();
        connection.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        connection.Property(c => c.OrganizationUrl).HasMaxLength(OrgConnection.MaxUrlLength);
        connection.Property(c => c.OrganizationName).HasMaxLength(OrgConnection.MaxNameLength);
        connection.Property(c => c.Version).HasMaxLength(50);
        connection.Property(c => c.EnvironmentLabel).HasMaxLength(50);
        connection.Property(c => c.TenantId).HasMaxLength(100);
        connection.Property(c => c.ClientId).HasMaxLength(100);
        connection.Property(c => c.SignedInAs).HasMaxLength(OrgConnection.MaxNameLength);
        connection.Property(c => c.FailureMessage).HasMaxLength(OrgConnection.MaxNameLength);
        connection.Property(c => c.FailureCauses).HasMaxLength(OrgConnection.MaxFailureLength);
        connection.Property(c => c.Revision).IsConcurrencyToken();
    }
}
