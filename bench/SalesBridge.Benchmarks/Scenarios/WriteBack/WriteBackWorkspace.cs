using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Access;
using SalesBridge.Benchmarks.Scenarios.CrmImport;
using SalesBridge.CrmImport;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.Benchmarks.Scenarios.WriteBack;

/// <summary>
/// A contract ready to write back, set up as a customer's would be: the import workspace (directory, connection, seats
/// from the CRM's salespeople), one import run so that people are matched to CRM contacts, the SalesBridge solution
/// installed and write-back switched on through the admin use cases. <see cref="Seller"/> is the seat holder whose items
/// are copied (also the contract's admin, so one caller does both).
/// </summary>
internal sealed record WriteBackWorkspace(Guid ContractId, Caller Seller, IReadOnlyList<Guid> MatchedPeople)
{
    private const int Seats = 5;

    public static async Task<WriteBackWorkspace> CreateAsync(IServiceProvider services, ChildEmulator org, CancellationToken cancellationToken)
    {
        var contractId = await ImportWorkspace.CreateContractAsync(services, org, Seats, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var started = await scope.ServiceProvider.GetRequiredService<StartSyncRun>().StartAsync(contractId, SyncTrigger.SyncNow, null, cancellationToken);
            var run = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(started.Id, cancellationToken);
            if (run.Status != SyncRunStatus.Succeeded) throw new InvalidOperationException($"The import ended {run.Status}: {run.FailureMessage}");
        }

        await using var setup = services.CreateAsyncScope();
        var db = setup.ServiceProvider.GetRequiredService<SalesBridgeDbContext>();
        var user = await db.Seats.Where(s => s.ContractId == contractId).OrderBy(s => s.User.Email).Select(s => s.User).FirstAsync(cancellationToken);
        var seller = new Caller(user.Id, contractId, user.DisplayName, user.Email!, IsContractAdmin: true, HasSeat: true);
        await SwitchOnAsync(setup.ServiceProvider, seller, syncIntervalMinutes: null, cancellationToken);

        var people = await db.CrmContacts.Where(c => c.ContractId == contractId && c.PersonId != null && !c.RemovedFromCrm)
            .OrderBy(c => c.CrmId).Select(c => c.PersonId!.Value).ToListAsync(cancellationToken);
        if (people.Count == 0) throw new InvalidOperationException("The import matched no person to a CRM contact.");
        return new WriteBackWorkspace(contractId, seller, people);
    }

    /// <summary>
    /// What the contract's admin does to write back: installs the SalesBridge solution and turns write-back (and auto sync
    /// of all seats) on through the settings use cases, keeping the stage and won-value columns; optionally the interval.
    /// </summary>
    public static async Task SwitchOnAsync(IServiceProvider scoped, Caller admin, int? syncIntervalMinutes, CancellationToken cancellationToken)
    {
        await scoped.GetRequiredService<InstallSalesBridgeSolution>().HandleAsync(admin, cancellationToken);
        var current = await scoped.GetRequiredService<GetCrmSettings>().HandleAsync(admin, cancellationToken);
        await scoped.GetRequiredService<UpdateCrmSettings>().HandleAsync(admin, new UpdateCrmSettings.Request
        {
            Revision = current.Revision, AutoSyncAllSeats = true, PipelineStageColumn = current.PipelineStageColumn,
            PipelineStageValue = current.PipelineStageValue, WonValueColumn = current.WonValueColumn, WriteBackEnabled = true,
            SyncIntervalMinutes = syncIntervalMinutes,
        }, cancellationToken);
    }
}
