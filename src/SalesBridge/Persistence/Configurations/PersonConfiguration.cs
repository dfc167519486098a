using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.FirstName).HasMaxLength(Person.MaxNameLength);
        person.Property(p => p.LastName).HasMaxLength(Person.MaxNameLength);
        person.Property(p => p.Headline).HasMaxLength(Person.MaxHeadlineLength);
        person.Property(p => p.Title).HasMaxLength(Person.MaxTitleLength);
        person.Property(p => p.CompanyName).HasMaxLength(Company.MaxNameLength);
        person.Property(p => p.City).HasMaxLength(Person.MaxPlaceLength);
        person.Property(p => p.Region).HasMaxLength(Person.MaxPlaceLength);
        person.Property(p => p.Country).HasMaxLength(Person.MaxPlaceLength);
        person.Property(p => p.Email).HasMaxLength(Person.MaxEmailLength);
        person.Property(p => p.Phone).HasMaxLength(Person.MaxPhoneLength);
        person.Property(p => p.ProfileUrl).HasMaxLength(Person.MaxProfileUrlLength);
        person.Property(p => p.ExternalId).HasMaxLength(Company.MaxExternalIdLength);
        person.Property(p => p.SearchText).HasMaxLength(2_000);
        person.Ignore(p => p.FullName);
        person.HasIndex(p => new { p.ContractId, p.LastName, p.FirstName });
        person.HasIndex(p => new { p.ContractId, p.ExternalId }).IsUnique();
        // Finds the rows whose match keys are missing or of an older definition without reading the directory.
        person.HasIndex(p => new { p.ContractId, p.MatchKeysVersion });
        person.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        person.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}
