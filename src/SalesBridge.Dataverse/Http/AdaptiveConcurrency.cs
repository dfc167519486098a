namespace SalesBridge.Dataverse.Http;

/// <summary>
/// How many requests may be in flight: starts at the configured maximum, follows the org's <c>x-ms-dop-hint</c>,
/// halves on every 429 and grows back by one after a run of healthy responses (Microsoft: "ramp up gradually").
/// </summary>
public sealed class AdaptiveConcurrency
{
    private readonly int _maximum;
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private readonly Lock _gate = new();
    private int _limit;
    private int _inFlight;
    private int _ceiling;
    private int _healthyInARow;

    internal AdaptiveConcurrency(int maximum)
    {
        _maximum = maximum;
        _ceiling = maximum;
        _limit = maximum;
    }

    /// <summary>The current number of requests allowed in flight.</summary>
    public int Limit
    {
        get
        {
            lock (_gate) return _limit;
        }
    }

    internal async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? wait = null;
        lock (_gate)
        {
            if (_inFlight < _limit)
            {
                _inFlight++;
                return new Slot(this);
            }
            wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(wait);
        }
        await using (cancellationToken.Register(() => wait.TrySetCanceled(cancellationToken)))
        {
            await wait.Task.ConfigureAwait(false);
        }
        return new Slot(this);
    }

    /// <summary>Feeds back one response: its status and the server's recommended parallelism, if it sent one.</summary>
    internal void Observe(int statusCode, int? degreeOfParallelismHint)
    {
        lock (_gate)
        {
            if (degreeOfParallelismHint is > 0 and var hint) _ceiling = Math.Min(_maximum, hint);
            if (statusCode == 429)
            {
                _limit = Math.Max(1, _limit / 2);
                _healthyInARow = 0;
            }
            else if (statusCode < 500 && ++_healthyInARow >= _limit * 4)
            {
                _limit++;
                _healthyInARow = 0;
            }
            _limit = Math.Min(_limit, _ceiling);
            ReleaseWaiters();
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            ReleaseWaiters();
        }
    }

    private void ReleaseWaiters()
    {
        while (_inFlight < _limit && _waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult()) _inFlight++;
        }
    }

    private sealed class Slot(AdaptiveConcurrency owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave();
        }
    }
}
