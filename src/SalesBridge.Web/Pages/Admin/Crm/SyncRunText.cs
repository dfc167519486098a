using System.Globalization;
using SalesBridge.CrmImport;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>How runs read on the CRM Sync pages: status words and their tag colour, trigger, duration.</summary>
public static class SyncRunText
{
    public static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.SucceededWithErrors => "Succeeded with errors",
        _ => status.ToString(),
    };

    public static string StatusTag(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Succeeded => "tag ok",
        SyncRunStatus.SucceededWithErrors or SyncRunStatus.Interrupted => "tag warn",
        SyncRunStatus.Failed => "tag fail",
        _ => "tag",
    };

    public static string Trigger(SyncTrigger trigger) => trigger switch
    {
        SyncTrigger.SyncNow => "Sync now",
        SyncTrigger.Connected => "On connect",
        _ => "Schedule",
    };

    public static string Mode(SyncReadMode mode) => mode == SyncReadMode.Full ? "Full" : "Changes";

    public static string Duration(SyncRunSummary run) => run.EndedAt is { } ended ? Duration(ended - run.StartedAt) : "running";

    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{Math.Max(0, span.TotalSeconds).ToString("0.#", CultureInfo.InvariantCulture)} s"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{(int)span.TotalHours} h {span.Minutes} min";

    /// <summary>The counts so far in one line (the progress bar's script writes the same line).</summary>
    public static string Counts(SyncRunCounts c) =>
        $"{c.Seats} seats · {c.RecordsRead} read · {c.Added} added · {c.Updated} updated · {c.Removed} removed · {c.CrmRequests} CRM calls · {c.Errors} errors";
}
