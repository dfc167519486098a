using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.CrmHealth;
using SalesBridge.CrmSeats;
using SalesBridge.CrmSettings;
using SalesBridge.Dataverse;
using SalesBridge.Errors;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmImport.Preview;

/// <summary>
/// Admins: the dry run of an import (SPEC B4). Reads the syncing seats' open opportunities and what they bring in live from
/// the CRM with ordinary queries, plans with <see cref="ImportPlan"/>, matches in memory and compares with what each seat
/// holder has saved now. Writes nothing: no records, saved items, change-tracking links or runs (a run's delta links stay
/// as they were, so the next run reads the same changes it would have).
/// </summary>
public sealed class PreviewImport(SalesBridgeDbContext db, OrgClients clients, TimeProvider time) : IUseCase
{
    public const int DefaultItemsPerSeat = 200;
    public const int MaxItemsPerSeat = 1_000;

    public sealed record Request
    {
        [Range(0, MaxItemsPerSeat, ErrorMessage = "itemsPerSeat must be between 0 and 1000.")]
        public int? ItemsPerSeat { get; init; }
    }

    /// <exception cref="ConflictException">Not connected, or sync is paused.</exception>
    /// <exception cref="CrmRequestFailedException">The org refused or failed a read (502, SPEC S4 message).</exception>
    public async Task<ImportPreview> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        RequestValidation.Validate(request);
        var contractId = caller.ContractId;
        var connection = await db.OrgConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);
        if (connection is null or { Status: OrgConnectionStatus.Disconnected }) throw new ConflictException(StartSyncRun.NotConnected);
        if (!CheckConnectionHealth.SyncAllowed(connection)) throw new ConflictException(StartSyncRun.Paused);
        var settings = await db.CrmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ContractId == contractId, cancellationToken)
            ?? new ContractCrmSettings { ContractId = contractId };

        var client = clients.For(connection);
        var callsBefore = client.Calls.Snapshot();
        var seats = await SyncingSeats.LoadAsync(db, contractId, cancellationToken);
        var read = await CrmRequestFailedException.WrapAsync(() => ReadAsync(client, contractId, settings, seats, cancellationToken));
        var crmRequests = client.Calls.Snapshot().Since(callsBefore).Requests;

        var matching = new PreviewMatching(db);
        var accountTies = await matching.AccountsAsync(contractId, read.Accounts, cancellationToken);
        var contactTies = await matching.ContactsAsync(contractId, read.Contacts, cancellationToken);
        var savedAccounts = await new SavedAccountTable(db).LoadAsync(contractId, null, cancellationToken);
        var savedLeads = await new SavedLeadTable(db).LoadAsync(contractId, null, cancellationToken);
        var names = await PreviewNames.TargetsAsync(db, contractId, [.. accountTies.Values.Select(t => t.TargetId), .. savedAccounts.Select(r => r.TargetId)],
            [.. contactTies.Values.Select(t => t.TargetId), .. savedLeads.Select(r => r.TargetId)], cancellationToken);
        var outcome = new PreviewOutcome(
            new PreviewKind("account", read.Plan.AccountsBySeat, accountTies, savedAccounts.ToLookup(r => r.OwnerId),
                await PreviewNames.AccountRecordsAsync(db, contractId, savedAccounts, cancellationToken)),
            new PreviewKind("contact", read.Plan.ContactsBySeat, contactTies, savedLeads.ToLookup(r => r.OwnerId),
                await PreviewNames.ContactRecordsAsync(db, contractId, savedLeads, cancellationToken)),
            names, request.ItemsPerSeat ?? DefaultItemsPerSeat);
        return await ResultAsync(contractId, settings, read, outcome, crmRequests, cancellationToken);
    }

    private async Task<ImportPreview> ResultAsync(Guid contractId, ContractCrmSettings settings, PreviewRead read, PreviewOutcome outcome,
        long crmRequests, CancellationToken cancellationToken)
    {
        var ties = await SeatCrmTies.LoadAsync(db, contractId, cancellationToken);
        var holders = await db.Seats.AsNoTracking().Where(s => s.ContractId == contractId).OrderBy(s => s.User.DisplayName).ThenBy(s => s.UserId)
            .Select(s => new { s.UserId, s.User.Email, s.User.DisplayName, s.CrmSyncEnabled }).ToListAsync(cancellationToken);
        var syncing = read.Plan.Seats.ToDictionary(s => s.UserId);
        var seats = new List<SeatPreview>();
        var notSyncing = new List<SeatNotSyncing>();
        foreach (var holder in holders)
        {
            var status = ties.Describe(holder.Email, holder.CrmSyncEnabled);
            if (syncing.TryGetValue(holder.UserId, out var seat))
            {
                seats.Add(outcome.Seat(seat, holder.Email ?? "", status.CrmUserName, read.Plan.OpportunitiesBySeat[seat.UserId]));
            }
            else
            {
                notSyncing.Add(new SeatNotSyncing(holder.UserId, holder.DisplayName, holder.Email ?? "", status.NotInCrmReason ?? status.SyncReason,
                    outcome.WouldRemoveOf(holder.UserId)));
            }
        }
        var stageLabel = settings.PipelineStageColumn is null ? null
            : read.StageOptions.FirstOrDefault(o => o.Value == settings.PipelineStageValue)?.Label ?? settings.PipelineStageValue?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ImportPreview(time.GetUtcNow(), settings.PipelineStageColumn, stageLabel, outcome.Limit, ties.RefreshedAt, seats, notSyncing, crmRequests);
    }

    /// <summary>The CRM reads, in the order a run depends on them: stage order and roles, opportunities, their stakeholders, then accounts and contacts.</summary>
    private static async Task<PreviewRead> ReadAsync(DataverseClient client, Guid contractId, ContractCrmSettings settings, IReadOnlyList<SyncingSeat> seats,
        CancellationToken cancellationToken)
    {
        if (seats.Count == 0) return new PreviewRead(ImportPlan.Make(seats, [], Array.Empty<Guid>().ToLookup(id => id), StageThreshold.NotSure), [], [], []);
        var roles = await StakeholderRoles.ReadAsync(client, cancellationToken);
        var reads = new PreviewCrmReads(client, new ImportScope(contractId, settings.PipelineStageColumn, roles));
        var options = await reads.StageOptionsAsync(cancellationToken);
        var stage = StageThreshold.For(settings.PipelineStageColumn is null ? null : settings.PipelineStageValue, StageThreshold.FormatOrder(options.Select(o => o.Value)));
        var opportunities = await reads.OpenOpportunitiesAsync(seats.Select(s => s.CrmUserId), cancellationToken);
        // Only opportunities the stage admits can bring stakeholders in; the others need no connection reads.
        var admitted = opportunities.Where(o => stage.Admits(o.StageValue)).Select(o => o.CrmId).ToHashSet();
        var stakeholders = await reads.StakeholdersAsync(admitted, cancellationToken);
        var plan = ImportPlan.Make(seats, opportunities.Select(o => new OpportunityFacts(o.CrmId, o.OwnerCrmUserId, o.StageValue, o.AccountCrmId,
            o.ContactCrmId, o.CustomerCrmId, o.CustomerIsAccount)), stakeholders, stage);
        return new PreviewRead(plan, options, await reads.AccountsAsync(plan.AllAccounts, cancellationToken), await reads.ContactsAsync(plan.AllContacts, cancellationToken));
    }

    private sealed record PreviewRead(ImportPlan Plan, IReadOnlyList<ChoiceOption> StageOptions, List<AccountRow> Accounts, List<ContactRow> Contacts);
}
