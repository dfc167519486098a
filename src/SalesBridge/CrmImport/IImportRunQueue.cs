namespace SalesBridge.CrmImport;

/// <summary>
/// Hands a started run to whatever executes runs in the background: the host's scheduler (Quartz.NET), or a test's own
/// loop. Runs are not executed on the request that started them: a first import takes minutes.
/// </summary>
public interface IImportRunQueue
{
    Task EnqueueAsync(Guid contractId, Guid runId, CancellationToken cancellationToken);
}
