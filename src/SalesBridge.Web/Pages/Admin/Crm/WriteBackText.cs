using SalesBridge.WriteBack;

namespace SalesBridge.Web.Pages.Admin.Crm;

/// <summary>The write-back statuses in the words the seat holders' pages use for them.</summary>
public static class WriteBackText
{
    public static string Status(WriteBackStatus status) => status switch
    {
        WriteBackStatus.Queued => "Queued",
        WriteBackStatus.Written => "In CRM",
        WriteBackStatus.Unresolved => "Open, person unresolved",
        WriteBackStatus.Waiting => "Waiting",
        WriteBackStatus.Skipped => "Skipped",
        _ => "Failed",
    };
}
