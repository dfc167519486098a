using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesBridge.Web.Tests.CrmImport;
using SalesBridge.Web.Tests.CrmImportEngine;
using SalesBridge.Web.Tests.Infrastructure;

namespace SalesBridge.Web.Tests.CrmImportPreview;

/// <summary>The preview as the API gives it, and what the import keeps in the database, to show the preview changed none of it.</summary>
internal static class PreviewArrange
{
    public const string PreviewPath = "api/v1/admin/crm/sync/preview";

    /// <summary>The preview of <paramref name="org"/>'s contract as its admin sees it, with every item listed.</summary>
    public static async Task<JsonElement> PreviewAsync(this ImportOrg org)
    {
        using var api = await org.Host.ApiClientAsync(org.Contract.Admin);
        return await api.JsonOkAsync($"{PreviewPath}?itemsPerSeat=1000");
    }

    public static JsonElement SeatOf(this JsonElement preview, Guid userId) =>
        preview.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("userId").GetGuid() == userId);

    public static HashSet<Guid> CrmIds(this JsonElement seat, string items) =>
        seat.GetProperty(items).EnumerateArray().Select(i => i.GetProperty("crmId").GetGuid()).ToHashSet();

    /// <summary>Row counts of everything the import writes for a contract.</summary>
    public static Task<string> ImportRowsAsync(this WorkspaceHost host, Guid contractId) => host.QueryAsync(async db => string.Join(", ",
        $"contacts {await db.CrmContacts.CountAsync(c => c.ContractId == contractId)}",
        $"accounts {await db.CrmAccounts.CountAsync(a => a.ContractId == contractId)}",
        $"opportunities {await db.CrmOpportunities.CountAsync(o => o.ContractId == contractId)}",
        $"stakeholders {await db.CrmStakeholders.CountAsync(s => s.ContractId == contractId)}",
        $"leads {await db.SavedLeads.CountAsync(l => l.ContractId == contractId)}",
        $"saved accounts {await db.SavedAccounts.CountAsync(a => a.ContractId == contractId)}",
        $"list entries {await db.SavedListEntries.CountAsync(e => db.SavedLists.Any(l => l.Id == e.ListId && l.ContractId == contractId))}",
        $"runs {await db.SyncRuns.CountAsync(r => r.ContractId == contractId)}",
        $"states {await db.CrmImportStates.CountAsync(s => s.ContractId == contractId)}",
        $"delta links {await db.CrmImportStates.Where(s => s.ContractId == contractId).Select(s => s.OpportunitiesDeltaLink + s.StakeholdersDeltaLink + s.AccountsDeltaLink + s.ContactsDeltaLink).SingleOrDefaultAsync()}"));
}
