using SalesBridge.CrmSettings;
using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>One copied item's write-back state as the API shows it (no CRM ids beyond the activity link).</summary>
public sealed record WriteBackItemDetails(
    Guid ItemId,
    WriteBackItemKind Kind,
    Guid? PersonId,
    Guid? CompanyId,
    Guid? ThreadId,
    DateTimeOffset QueuedAt,
    int Attempts,
    ItemCrmState Crm);
