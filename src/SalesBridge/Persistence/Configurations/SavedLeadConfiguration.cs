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
        // Leads with the contract first; also covers the import's count of the contract's imported records and how many of
        // them are matched (distinct CRM contacts with and without a person), which otherwise read every saved lead's row.
        lead.HasIndex(l => new { l.ContractId, l.ImportedFromCrm, l.CrmContactId, l.PersonId });
        lead.HasOne<WorkspaceUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        lead.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        lead.HasIndex(l => new { l.OwnerId, l.CrmContactId }).IsUnique();
        lead.HasIndex(l => l.CrmContactId);
        // The import removes what it alone saved before it drops a CRM contact; a hand-saved lead just loses the tie.
        lead.HasOne(l => l.CrmContact).WithMany().HasForeignKey(l => l.CrmContactId).OnDelete(DeleteBehavior.SetNull);
        lead.ToTable(table => table.HasCheckConstraint("CK_SavedLeads_PersonOrCrmContact", "\"PersonId\" IS NOT NULL OR \"CrmContactId\" IS NOT NULL"));
    }
}
