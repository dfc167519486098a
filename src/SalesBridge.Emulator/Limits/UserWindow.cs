namespace SalesBridge.Emulator.Limits;

/// <summary>One user's demand on one org over the sliding window, and whether they are being throttled.</summary>
internal sealed class UserWindow
{
    private readonly Queue<DateTimeOffset> _requests = new();
    private readonly Queue<(DateTimeOffset At, TimeSpan Duration)> _executions = new();

    public int InFlight { get; set; }
    public TimeSpan ExecutionTime { get; private set; }
    public int Requests => _requests.Count;
    public DateTimeOffset BlockedUntil { get; set; }
    public ServiceProtectionLimit BlockedBy { get; set; }
    /// <summary>Requests refused while already throttled, since the last one let in.</summary>
    public int Strikes { get; set; }

    public void CountRequest(DateTimeOffset at) => _requests.Enqueue(at);

    /// <summary>Execution time counts when a request ends, so a long request weighs on the window it finishes in.</summary>
    public void AddExecution(DateTimeOffset at, TimeSpan duration)
    {
        _executions.Enqueue((at, duration));
        ExecutionTime += duration;
    }

    /// <summary>Forgets what happened before the window that ends now.</summary>
    public void Slide(DateTimeOffset now, TimeSpan window)
    {
        while (_requests.TryPeek(out var at) && at + window <= now) _requests.Dequeue();
        while (_executions.TryPeek(out var e) && e.At + window <= now)
        {
            _executions.Dequeue();
            ExecutionTime -= e.Duration;
        }
    }

    /// <summary>How long until fewer than <paramref name="max"/> requests remain in the window.</summary>
    public TimeSpan UntilRequestsBelow(int max, DateTimeOffset now, TimeSpan window) =>
        _requests.ElementAt(_requests.Count - max) + window - now;

    /// <summary>How long until the combined execution time in the window is back within <paramref name="max"/>.</summary>
    public TimeSpan UntilExecutionWithin(TimeSpan max, DateTimeOffset now, TimeSpan window)
    {
        var total = ExecutionTime;
        foreach (var (at, duration) in _executions)
        {
            total -= duration;
            if (total <= max) return at + window - now;
        }
        return window;
    }
}
