using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesBridge.CrmSettings;
using SalesBridge.Persistence;

namespace SalesBridge.CrmImport;

/// <summary>
/// What a plan depends on besides the CRM records: which seats sync as which CRM user, and the stage threshold. While
/// these stay the same between runs, the saved items of records no read touched are still right, so a run that read
/// only changes compares just the touched ones; when any of them changes, every seat's saved items are compared.
/// </summary>
internal static class PlanInputs
{
    public static string Fingerprint(IReadOnlyList<SyncingSeat> seats, ContractCrmSettings settings, string? stageOrder)
    {
        var text = new StringBuilder();
        text.Append(settings.PipelineStageColumn).Append('|').Append(settings.PipelineStageColumn is null ? null : settings.PipelineStageValue)
            .Append('|').Append(stageOrder).Append('|');
        foreach (var seat in seats.OrderBy(s => s.UserId).ThenBy(s => s.CrmUserId)) text.Append(seat.UserId).Append(':').Append(seat.CrmUserId).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// What the contract's last successful run left on its checkpoint: the fingerprint (null: none, or a run from before
    /// fingerprints) and the matching weights (null: none kept).
    /// </summary>
    public static async Task<(string? Fingerprint, MatchModels? Models)> LastAsync(SalesBridgeDbContext db, SyncRun run, CancellationToken cancellationToken)
    {
        var checkpoint = await db.SyncRuns.AsNoTracking()
            .Where(r => r.ContractId == run.ContractId && r.Id != run.Id && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.SucceededWithErrors))
            .OrderByDescending(r => r.StartedAt).Select(r => r.Checkpoint).FirstOrDefaultAsync(cancellationToken);
        var last = ReadCheckpoint.Parse(checkpoint);
        return (last?.PlanFingerprint, last?.MatchModels);
    }
}
