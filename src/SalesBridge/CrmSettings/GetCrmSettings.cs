using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Admins: the contract's CRM settings with the choices the org offers now (read from its metadata) and whether
/// the SalesBridge solution is installed. Needs a connected org (409 otherwise).
/// </summary>
public sealed class GetCrmSettings(SalesBridgeDbContext db, OrgClients clients, TimeProvider time) : IUseCase
{
    public async Task<CrmSettingsView> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var client = await clients.ForContractAsync(caller.ContractId, cancellationToken);
        var (choices, solution) = await ReadOrgAsync(client, cancellationToken);
        var settings = await CrmSettingsRows.LoadOrCreateAsync(db, caller.ContractId, cancellationToken);
        await NoteSolutionAsync(db, settings, solution, time, cancellationToken);
        return CrmSettingsView.From(settings, choices, solution);
    }

    internal static Task<(CrmSettingsChoices Choices, SalesBridgeSolutionState Solution)> ReadOrgAsync(
        Dataverse.DataverseClient client, CancellationToken cancellationToken) =>
        CrmRequestFailedException.WrapAsync(async () =>
            (await OrgSettingsChoices.ReadAsync(client, cancellationToken), await SalesBridgeSolution.DetectAsync(client, cancellationToken)));

    /// <summary>Remembers when the solution was last seen (or that it went missing); not a setting, so the revision stays.</summary>
    internal static async Task NoteSolutionAsync(SalesBridgeDbContext db, ContractCrmSettings settings, SalesBridgeSolutionState solution,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (solution.Installed == settings.SolutionDetectedAt is not null) return;
        settings.SolutionDetectedAt = solution.Installed ? time.GetUtcNow() : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the settings meanwhile; the next read notes the solution again.
            await db.Entry(settings).ReloadAsync(cancellationToken);
        }
    }
}
