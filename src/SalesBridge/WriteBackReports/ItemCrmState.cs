using SalesBridge.WriteBack;

namespace SalesBridge.WriteBackReports;

/// <summary>
/// Where a copied note, InMail or message stands with the CRM, as every place that shows the item shows it (SPEC S14):
/// queued, in the CRM (<see cref="WriteBackStatus.Written"/>, with the link to its activity), unresolved (an open activity
/// because the person has no CRM record yet, also linked), waiting or failed with the reason, or skipped.
/// </summary>
/// <param name="ActivityUrl">The activity in Dynamics while it exists there (written or unresolved) and the contract is connected; otherwise null.</param>
public sealed record ItemCrmState(WriteBackStatus Status, string? Reason, string? ActivityUrl, DateTimeOffset? WrittenAt);
