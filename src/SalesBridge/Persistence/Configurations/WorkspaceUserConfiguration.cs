using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class WorkspaceUserConfiguration : IEntityTypeConfiguration<WorkspaceUser>
{
    public void Configure(EntityTypeBuilder<WorkspaceUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(WorkspaceUser.MaxDisplayNameLength);
        user.HasIndex(u => u.ContractId);
        user.HasOne<Contract>().WithMany().HasForeignKey(u => u.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
