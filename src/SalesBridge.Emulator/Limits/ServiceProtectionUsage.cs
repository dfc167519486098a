namespace SalesBridge.Emulator.Limits;

/// <summary>A user's use of the current window; <see cref="ThrottledUntil"/> is set while they are refused.</summary>
public sealed record ServiceProtectionUsage(int Requests, TimeSpan ExecutionTime, int InFlight, DateTimeOffset? ThrottledUntil);
