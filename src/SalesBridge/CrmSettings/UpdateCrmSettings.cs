using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Admins: replace the contract's CRM settings. Every column and option is checked against the org now (one that
/// no longer exists is refused by name), write-back cannot be switched on while the SalesBridge solution is
/// missing or while the connected account lacks its privileges, a stale <see cref="Request.Revision"/> is refused (409), and each changed setting is recorded.
/// </summary>
public sealed class UpdateCrmSettings(SalesBridgeDbContext db, OrgClients clients, TimeProvider time, WriteBack.WriteBackHolds holds) : IUseCase
{
    public sealed record Request
    {
        /// <summary>The revision the caller read; the update is refused when the settings changed since.</summary>
        [Required(ErrorMessage = "revision is required: send the revision you read.")]
        public Guid? Revision { get; init; }

        [Required(ErrorMessage = "autoSyncAllSeats is required.")]
        public bool? AutoSyncAllSeats { get; init; }

        /// <summary>A stage choice column of opportunity, or null/empty for Not Sure.</summary>
        [StringLength(ContractCrmSettings.MaxColumnNameLength, ErrorMessage = "pipelineStageColumn must be at most 100 characters.")]
        public string? PipelineStageColumn { get; init; }

        /// <summary>The option of <see cref="PipelineStageColumn"/> an opportunity must have reached.</summary>
        public int? PipelineStageValue { get; init; }

        /// <summary>A currency column of opportunity, or null/empty for Not Sure.</summary>
        [StringLength(ContractCrmSettings.MaxColumnNameLength, ErrorMessage = "wonValueColumn must be at most 100 characters.")]
        public string? WonValueColumn { get; init; }

        [Required(ErrorMessage = "writeBackEnabled is required.")]
        public bool? WriteBackEnabled { get; init; }

        /// <summary>Left out: true (the recommended "Sync back all data items").</summary>
        public bool? WriteBackAllItems { get; init; }
        public bool? WriteBackInMails { get; init; }
        public bool? WriteBackMessages { get; init; }
        public bool? WriteBackNotes { get; init; }

        /// <summary>Left out: the integration user (the seed's behaviour).</summary>
        public WriteBackCreator? Creator { get; init; }

        /// <summary>S21: minutes between scheduled runs. Left out: unchanged.</summary>
        [Range(ContractCrmSettings.MinSyncIntervalMinutes, ContractCrmSettings.MaxSyncIntervalMinutes,
            ErrorMessage = "syncIntervalMinutes must be between 5 and 1440 (minutes between scheduled syncs; 1440 is once a day).")]
        public int? SyncIntervalMinutes { get; init; }
    }

    public async Task<CrmSettingsView> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        RequestValidation.Validate(request);
        caller.RequireContractAdmin();
        if (request.Creator is { } creator && !Enum.IsDefined(creator))
        {
            throw new RequestValidationException("creator", "creator must be IntegrationUser or SeatHolder.");
        }
        var client = await clients.ForContractAsync(caller.ContractId, cancellationToken);
        var (choices, solution) = await GetCrmSettings.ReadOrgAsync(client, cancellationToken);
        var wanted = CrmSettingsValidation.Check(request, choices, solution);
        if (wanted.WriteBackEnabled)
        {
            await WriteBackPrivilegeGate.RequireAsync(client, wanted.Creator, cancellationToken);
        }

        var settings = await CrmSettingsRows.LoadOrCreateAsync(db, caller.ContractId, cancellationToken);
        if (settings.Revision != request.Revision)
        {
            throw StaleRevision();
        }
        var now = time.GetUtcNow();
        var changes = CrmSettingsAudit.Apply(settings, wanted, choices, caller, now);
        settings.SolutionDetectedAt = solution.Installed ? settings.SolutionDetectedAt ?? now : null;
        if (changes.Count > 0)
        {
            settings.Revision = Guid.NewGuid();
            settings.UpdatedAt = now;
            settings.UpdatedById = caller.UserId;
            db.CrmSettingsChanges.AddRange(changes);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StaleRevision();
        }
        // Items held by write-back being off (or waiting for the solution) go now if they may.
        if (changes.Count > 0) await holds.ReleaseAsync(caller.ContractId, cancellationToken);
        return CrmSettingsView.From(settings, choices, solution);
    }

    private static ConflictException StaleRevision() => new(
        "The CRM settings were changed by someone else after you opened them. Reload the settings, check them and save again.");
}
