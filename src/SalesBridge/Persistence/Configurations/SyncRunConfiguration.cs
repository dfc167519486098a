using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.Contracts;
using SalesBridge.CrmImport;

namespace SalesBridge.Persistence.Configurations;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> run)
    {
        run.HasIndex(r => new { r.ContractId, r.StartedAt });
        // One running import per contract, on every node of a cluster: a second start fails on this index.
        run.HasIndex(r => r.ContractId).IsUnique().HasFilter("\"Status\" = 'Running'").HasDatabaseName("IX_SyncRuns_OneRunningPerContract");
        run.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        run.Property(r => r.Phase).HasMaxLength(SyncRun.MaxPhaseLength);
        run.Property(r => r.Node).HasMaxLength(Observability.NodeName.MaxLength);
        run.Property(r => r.Lease).IsConcurrencyToken();
        run.Property(r => r.FailureMessage).HasMaxLength(SyncRun.MaxMessageLength);
        run.Property(r => r.Notes).HasMaxLength(SyncRun.MaxMessageLength);
        run.Ignore(r => r.Duration);
        run.ComplexProperty(r => r.Counts);
    }
}

internal sealed class SyncRunErrorConfiguration : IEntityTypeConfiguration<SyncRunError>
{
    public void Configure(EntityTypeBuilder<SyncRunError> error)
    {
        error.HasIndex(e => new { e.RunId, e.At });
        error.HasOne<SyncRun>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        error.Property(e => e.Table).HasMaxLength(64);
        error.Property(e => e.Message).HasMaxLength(SyncRunError.MaxTextLength);
    }
}

internal sealed class CrmImportStateConfiguration : IEntityTypeConfiguration<CrmImportState>
{
    public void Configure(EntityTypeBuilder<CrmImportState> state)
    {
        state.HasKey(s => s.ContractId);
        state.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        state.Property(s => s.StageColumn).HasMaxLength(100);
        state.Property(s => s.StageOrder).HasMaxLength(2000);
        state.Property(s => s.StakeholderRoleIds).HasMaxLength(2000);
        state.Property(s => s.OpportunitiesDeltaLink).HasMaxLength(CrmImportState.MaxLinkLength);
        state.Property(s => s.StakeholdersDeltaLink).HasMaxLength(CrmImportState.MaxLinkLength);
        state.Property(s => s.AccountsDeltaLink).HasMaxLength(CrmImportState.MaxLinkLength);
        state.Property(s => s.ContactsDeltaLink).HasMaxLength(CrmImportState.MaxLinkLength);
    }
}
