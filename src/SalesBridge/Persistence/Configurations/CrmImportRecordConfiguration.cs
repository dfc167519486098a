using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmImport;
using SalesBridge.PeopleDirectory;

namespace SalesBridge.Persistence.Configurations;

internal sealed class CrmAccountRecordConfiguration : IEntityTypeConfiguration<CrmAccountRecord>
{
    public void Configure(EntityTypeBuilder<CrmAccountRecord> account)
    {
        account.HasIndex(a => new { a.ContractId, a.CrmId }).IsUnique();
        account.HasIndex(a => a.CompanyId);
        account.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
        account.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.SetNull);
        account.Property(a => a.Name).HasMaxLength(CrmAccountRecord.MaxNameLength);
        account.Property(a => a.Website).HasMaxLength(CrmAccountRecord.MaxTextLength);
        account.Property(a => a.Phone).HasMaxLength(CrmAccountRecord.MaxTextLength);
        account.Property(a => a.City).HasMaxLength(CrmAccountRecord.MaxTextLength);
        account.Property(a => a.Region).HasMaxLength(CrmAccountRecord.MaxTextLength);
        account.Property(a => a.Country).HasMaxLength(CrmAccountRecord.MaxTextLength);
        account.Property(a => a.SearchText).HasMaxLength(2_000);
        account.ComplexProperty(a => a.Match, CrmMatchConfiguration.Configure);
    }
}

internal sealed class CrmContactRecordConfiguration : IEntityTypeConfiguration<CrmContactRecord>
{
    public void Configure(EntityTypeBuilder<CrmContactRecord> contact)
    {
        contact.HasIndex(c => new { c.ContractId, c.CrmId }).IsUnique();
        contact.HasIndex(c => c.PersonId);
        contact.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        contact.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
        contact.Property(c => c.FirstName).HasMaxLength(CrmContactRecord.MaxNameLength);
        contact.Property(c => c.LastName).HasMaxLength(CrmContactRecord.MaxNameLength);
        contact.Property(c => c.Email).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Property(c => c.JobTitle).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Property(c => c.Phone).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Property(c => c.City).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Property(c => c.Country).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Property(c => c.CompanyName).HasMaxLength(CrmContactRecord.MaxTextLength);
        contact.Ignore(c => c.FullName);
        contact.Property(c => c.SearchText).HasMaxLength(2_000);
        contact.ComplexProperty(c => c.Match, CrmMatchConfiguration.Configure);
    }
}

internal sealed class CrmOpportunityRecordConfiguration : IEntityTypeConfiguration<CrmOpportunityRecord>
{
    public void Configure(EntityTypeBuilder<CrmOpportunityRecord> opportunity)
    {
        opportunity.HasIndex(o => new { o.ContractId, o.CrmId }).IsUnique();
        // A run that read only changes plans just the records they touched: it asks for the opportunities naming them.
        opportunity.HasIndex(o => new { o.ContractId, o.AccountCrmId });
        opportunity.HasIndex(o => new { o.ContractId, o.ContactCrmId });
        opportunity.HasIndex(o => new { o.ContractId, o.CustomerCrmId });
        opportunity.HasOne<Contract>().WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Cascade);
        opportunity.Property(o => o.Name).HasMaxLength(CrmOpportunityRecord.MaxNameLength);
    }
}

internal sealed class CrmStakeholderRecordConfiguration : IEntityTypeConfiguration<CrmStakeholderRecord>
{
    public void Configure(EntityTypeBuilder<CrmStakeholderRecord> stakeholder)
    {
        stakeholder.HasIndex(s => new { s.ContractId, s.CrmId }).IsUnique();
        stakeholder.HasIndex(s => new { s.ContractId, s.ContactCrmId });
        // A run that read only changes asks which contacts the changed opportunities' connections name.
        stakeholder.HasIndex(s => new { s.ContractId, s.OpportunityCrmId });
        stakeholder.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class CrmMatchConfiguration
{
    public static void Configure(ComplexPropertyBuilder<CrmMatch> match)
    {
        match.Property(m => m.State).HasColumnName("MatchState");
        match.Property(m => m.Score).HasColumnName("MatchScore");
        match.Property(m => m.Summary).HasColumnName("MatchSummary").HasMaxLength(CrmMatch.MaxSummaryLength);
        match.Property(m => m.Evidence).HasColumnName("MatchEvidence");
    }
}
