using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;

namespace SalesBridge.Web.Tests.Infrastructure;

/// <summary>Write-back settings stored directly, for tests of what the settings decide rather than of the settings page.</summary>
public static class TestWriteBackSettings
{
    /// <summary>A test contract whose admin turned write-back on for every item type (Copy to CRM then starts ticked).</summary>
    public static async Task<TestContract> CreateWithWriteBackAsync(this WorkspaceHost host)
    {
        var contract = await host.CreateAsync();
        await host.SetWriteBackAsync(contract.Id, enabled: true);
        return contract;
    }

    public static Task SetWriteBackAsync(this WorkspaceHost host, Guid contractId, bool enabled) => host.QueryAsync(async db =>
    {
        var settings = await db.CrmSettings.SingleOrDefaultAsync(s => s.ContractId == contractId);
        if (settings is null) db.CrmSettings.Add(settings = new ContractCrmSettings { ContractId = contractId });
        settings.WriteBackEnabled = enabled;
        return await db.SaveChangesAsync();
    });
}
