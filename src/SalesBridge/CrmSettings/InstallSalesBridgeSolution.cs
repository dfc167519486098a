using SalesBridge.Access;
using SalesBridge.CrmConnection;
using SalesBridge.Persistence;
using SalesBridge.UseCases;

namespace SalesBridge.CrmSettings;

/// <summary>
/// Admins: install the SalesBridge solution into the connected org (SPEC S12's "Get it now", done by SalesBridge
/// itself through the metadata API), or complete a partial install. Safe to repeat: what exists is left as is.
/// The connected account needs the customizer's privileges (create entity, attribute and entity key).
/// </summary>
public sealed class InstallSalesBridgeSolution(SalesBridgeDbContext db, OrgClients clients, TimeProvider time) : IUseCase
{
    public async Task<SalesBridgeSolutionState> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireContractAdmin();
        var client = await clients.ForContractAsync(caller.ContractId, cancellationToken);
        var before = await CrmRequestFailedException.WrapAsync(() => SalesBridgeSolution.DetectAsync(client, cancellationToken));
        var after = before;
        if (!before.Installed)
        {
            after = await CrmRequestFailedException.WrapAsync(async () =>
            {
                await SalesBridgeSolutionInstaller.InstallAsync(client, cancellationToken);
                return await SalesBridgeSolution.DetectAsync(client, cancellationToken);
            });
            var now = time.GetUtcNow();
            db.CrmSettingsChanges.Add(CrmSettingsAudit.Change(caller, now, CrmSettingsWording.SolutionSetting,
                before.SolutionFound ? "Partly installed" : "Missing", after.Installed ? "Installed" : "Partly installed"));
            await db.SaveChangesAsync(cancellationToken);
        }
        var settings = await CrmSettingsRows.LoadOrCreateAsync(db, caller.ContractId, cancellationToken);
        await GetCrmSettings.NoteSolutionAsync(db, settings, after, time, cancellationToken);
        return after;
    }
}
