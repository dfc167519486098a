using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Leads;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class SavedLeadConfiguration : IEntityTypeConfiguration<SavedLead>
{
    public void Configure(EntityTypeBuilder<SavedLead> lead)
    {
        lead.HasIndex(l => new { l.OwnerId, l.PersonId }).IsUnique();
        lead.HasIndex(l => new { l.OwnerId, l.SavedAt });
        lead.HasIndex(l => l.ContractId);
        lead.HasOne<WorkspaceUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        lead.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
