using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Persistence.Configurations;

internal sealed class DirectoryMatchKeyConfiguration : IEntityTypeConfiguration<DirectoryMatchKey>
{
    public void Configure(EntityTypeBuilder<DirectoryMatchKey> key)
    {
        // The key leads: a pre-selection asks for the rows of a few keys, and a row's old keys are removed one by one.
        key.HasKey(k => new { k.ContractId, k.Key, k.RecordId });
        key.Property(k => k.Key).HasMaxLength(DirectoryMatchKey.MaxKeyLength);
        key.HasOne<Contract>().WithMany().HasForeignKey(k => k.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
