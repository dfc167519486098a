namespace SalesBridge.Emulator.Limits;

/// <summary>The three facets service protection measures per user.</summary>
public enum ServiceProtectionLimit
{
    Requests,
    ExecutionTime,
    ConcurrentRequests,
}
