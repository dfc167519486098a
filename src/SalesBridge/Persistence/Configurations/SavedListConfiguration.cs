using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Accounts;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class SavedListConfiguration : IEntityTypeConfiguration<SavedList>
{
    public void Configure(EntityTypeBuilder<SavedList> list)
    {
        list.Property(l => l.Name).HasMaxLength(SavedList.MaxNameLength);
        list.Property(l => l.SystemKey).HasMaxLength(40);
        list.Ignore(l => l.IsSystemList);
        list.HasIndex(l => new { l.OwnerId, l.Kind, l.Name }).IsUnique();
        list.HasIndex(l => new { l.OwnerId, l.SystemKey }).IsUnique();
        list.HasIndex(l => l.ContractId);
        list.HasOne<WorkspaceUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        list.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedListEntryConfiguration : IEntityTypeConfiguration<SavedListEntry>
{
    public void Configure(EntityTypeBuilder<SavedListEntry> entry)
    {
        entry.HasIndex(e => new { e.ListId, e.SavedLeadId }).IsUnique();
        entry.HasIndex(e => new { e.ListId, e.SavedAccountId }).IsUnique();
        entry.HasIndex(e => e.SavedLeadId);
        entry.HasIndex(e => e.SavedAccountId);
        entry.HasOne<SavedLead>().WithMany().HasForeignKey(e => e.SavedLeadId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<SavedAccount>().WithMany().HasForeignKey(e => e.SavedAccountId).OnDelete(DeleteBehavior.Cascade);
        entry.ToTable(table => table.HasCheckConstraint("CK_SavedListEntries_OneItem",
            "(\"SavedLeadId\" IS NULL) <> (\"SavedAccountId\" IS NULL)"));
    }
}
