using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Persistence.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.Property(c => c.Name).HasMaxLength(Company.MaxNameLength);
        company.Property(c => c.Website).HasMaxLength(Company.MaxWebsiteLength);
        company.Property(c => c.Industry).HasMaxLength(Company.MaxIndustryLength);
        company.Property(c => c.City).HasMaxLength(Company.MaxPlaceLength);
        company.Property(c => c.Country).HasMaxLength(Company.MaxPlaceLength);
        company.Property(c => c.ExternalId).HasMaxLength(Company.MaxExternalIdLength);
        company.Property(c => c.SearchText).HasMaxLength(1_000);
        company.HasIndex(c => new { c.ContractId, c.Name });
        company.HasIndex(c => new { c.ContractId, c.ExternalId }).IsUnique();
        company.HasIndex(c => new { c.ContractId, c.MatchKeysVersion });
        company.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
