using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesBridge.Observability;

/// <summary>
/// What the sync does, as metrics (meter <c>SalesBridge</c>), per contract (B8, B9): import runs and the rows they read,
/// write-back passes and what they wrote. Recorded where runs and passes end; the outbox depth and age are observed by
/// the host from the database.
/// </summary>
public static class SalesBridgeMetrics
{
    public const string MeterName = "SalesBridge";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> ImportRuns = Meter.CreateCounter<long>("salesbridge.import.runs", "{run}", "Import runs ended, by status.");
    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("salesbridge.import.rows", "{row}", "CRM rows read by import runs.");
    private static readonly Counter<long> ImportCrmRequests = Meter.CreateCounter<long>("salesbridge.import.crm_requests", "{request}", "CRM requests import runs used.");
    private static readonly Histogram<double> ImportSeconds = Meter.CreateHistogram<double>("salesbridge.import.duration", "s", "How long import runs took.");
    private static readonly Counter<long> WrittenBack = Meter.CreateCounter<long>("salesbridge.writeback.items", "{item}", "Items the write-back worker settled, by outcome.");
    private static readonly Counter<long> WriteBackCrmRequests = Meter.CreateCounter<long>("salesbridge.writeback.crm_requests", "{request}", "CRM requests write-back passes used.");

    public static void ImportRunEnded(Guid contractId, string status, int rowsRead, int crmRequests, TimeSpan? duration)
    {
        var contract = Contract(contractId);
        ImportRuns.Add(1, new TagList { { "contract", contract }, { "status", status } });
        ImportRows.Add(rowsRead, new TagList { { "contract", contract } });
        ImportCrmRequests.Add(crmRequests, new TagList { { "contract", contract } });
        if (duration is { } took) ImportSeconds.Record(took.TotalSeconds, new TagList { { "contract", contract } });
    }

    public static void WriteBackPassEnded(Guid contractId, int completed, int unresolved, int relinked, int retried, int failed, int crmRequests)
    {
        var contract = Contract(contractId);
        void Add(string outcome, int count)
        {
            if (count > 0) WrittenBack.Add(count, new TagList { { "contract", contract }, { "outcome", outcome } });
        }
        Add("completed", completed);
        Add("unresolved", unresolved);
        Add("relinked", relinked);
        Add("retried", retried);
        Add("failed", failed);
        WriteBackCrmRequests.Add(crmRequests, new TagList { { "contract", contract } });
    }

    /// <summary>Contracts are tagged by id: names change and may be personal data; ids are stable and mean nothing outside.</summary>
    public static string Contract(Guid contractId) => contractId.ToString("D");
}
