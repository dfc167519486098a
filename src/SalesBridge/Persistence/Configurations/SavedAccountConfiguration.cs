using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Accounts;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class SavedAccountConfiguration : IEntityTypeConfiguration<SavedAccount>
{
    public void Configure(EntityTypeBuilder<SavedAccount> account)
    {
        account.HasIndex(a => new { a.OwnerId, a.CompanyId }).IsUnique();
        // Covers the accounts list: count and newest-first paging of one seat holder read the index alone.
        account.HasIndex(a => new { a.OwnerId, a.ContractId, a.SavedAt, a.Id });
        // See SavedLeadConfiguration: the contract first, and the import's scope count read from the index alone.
        account.HasIndex(a => new { a.ContractId, a.ImportedFromCrm, a.CrmAccountId, a.CompanyId });
        account.HasOne<WorkspaceUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        account.HasOne(a => a.Company).WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
        account.HasIndex(a => new { a.OwnerId, a.CrmAccountId }).IsUnique();
        account.HasIndex(a => a.CrmAccountId);
        account.HasOne(a => a.CrmAccount).WithMany().HasForeignKey(a => a.CrmAccountId).OnDelete(DeleteBehavior.SetNull);
        account.ToTable(table => table.HasCheckConstraint("CK_SavedAccounts_CompanyOrCrmAccount", "\"CompanyId\" IS NOT NULL OR \"CrmAccountId\" IS NOT NULL"));
    }
}
