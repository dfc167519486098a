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
        // Covers the leads list: count and newest-first paging of one seat holder read the index alone.
        lead.HasIndex(l => new { l.OwnerId, l.ContractId, l.SavedAt, l.Id });
        lead.HasIndex(l => l.ContractId);
        lead.HasOne<WorkspaceUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        lead.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
