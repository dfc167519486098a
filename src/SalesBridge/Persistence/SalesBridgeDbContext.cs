using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesBridge.Accounts;
using SalesBridge.Alerts;
using SalesBridge.Contracts;
using SalesBridge.Conversations;
using SalesBridge.CrmConnection;
using SalesBridge.CrmImport;
using SalesBridge.CrmSeats;
using SalesBridge.CrmSettings;
using SalesBridge.PeopleDirectory;
using SalesBridge.Leads;
using SalesBridge.Lists;
using SalesBridge.Notes;
using SalesBridge.Users;
using SalesBridge.WriteBack;

namespace SalesBridge.Persistence;

/// <summary>
/// The workspace's database: identity tables plus every contract-scoped table. The same model runs on SQLite
/// (the embedded default) and PostgreSQL; each provider has its own migrations assembly.
/// </summary>
public sealed class SalesBridgeDbContext(DbContextOptions<SalesBridgeDbContext> options)
    : IdentityUserContext<WorkspaceUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring when the nodes of a cluster share it through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Seat> Seats => Set<Seat>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<DirectoryMatchKey> DirectoryMatchKeys => Set<DirectoryMatchKey>();
    public DbSet<SavedLead> SavedLeads => Set<SavedLead>();
    public DbSet<SavedAccount> SavedAccounts => Set<SavedAccount>();
    public DbSet<SavedList> SavedLists => Set<SavedList>();
    public DbSet<SavedListEntry> SavedListEntries => Set<SavedListEntry>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<OrgConnection> OrgConnections => Set<OrgConnection>();
    public DbSet<DisconnectRecord> DisconnectRecords => Set<DisconnectRecord>();
    public DbSet<ContractCrmSettings> CrmSettings => Set<ContractCrmSettings>();
    public DbSet<CrmSettingsChange> CrmSettingsChanges => Set<CrmSettingsChange>();
    public DbSet<AdminAlert> AdminAlerts => Set<AdminAlert>();
    public DbSet<CrmUserSnapshot> CrmUserSnapshots => Set<CrmUserSnapshot>();
    public DbSet<CrmAccountRecord> CrmAccounts => Set<CrmAccountRecord>();
    public DbSet<CrmContactRecord> CrmContacts => Set<CrmContactRecord>();
    public DbSet<CrmOpportunityRecord> CrmOpportunities => Set<CrmOpportunityRecord>();
    public DbSet<CrmStakeholderRecord> CrmStakeholders => Set<CrmStakeholderRecord>();
    public DbSet<CrmImportState> CrmImportStates => Set<CrmImportState>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<SyncRunError> SyncRunErrors => Set<SyncRunError>();
    public DbSet<WriteBackItem> WriteBackItems => Set<WriteBackItem>();
    public DbSet<WriteBackRun> WriteBackRuns => Set<WriteBackRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalesBridgeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and EF cannot compare or order DateTimeOffset there; UTC ticks order correctly.
        // PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        // Enums as text: readable in the database and safe to reorder in code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
