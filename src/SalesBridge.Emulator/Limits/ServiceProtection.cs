using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Limits;

/// <summary>
/// Service protection of one org, per user (page: api-limits): "Each authenticated user has an independent
/// limit", so requests are charged to the authenticated user, not to a user they impersonate. (The docs do not
/// say how impersonation is charged; an application user acting for many users is still one client sending
/// load, which is what the limits guard against.)
/// <para>
/// The request and execution-time limits look back over a sliding window and trip only once it is full: the
/// request after the limit is refused. Concurrency overruns fail at once.
/// </para>
/// <para>
/// Escalation (the docs: "If the application continues to send such demanding requests, the duration will be
/// extended"): the first refusal answers with the time until the window has room again and throttles the user
/// until then. Every request that arrives before that time is refused too, as strike n of a run, and pushes the
/// end out to now + (time left + n × <see cref="ServiceProtectionLimits.EscalationStep"/>), at most
/// <see cref="ServiceProtectionLimits.MaxRetryAfter"/>. A request let in ends the run.
/// </para>
/// </summary>
public sealed class ServiceProtection(TimeProvider time, ServiceProtectionLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, UserWindow> _users = [];
    private ServiceProtectionLimits _limits = limits;

    public ServiceProtectionLimits Limits
    {
        get
        {
            lock (_gate) return _limits;
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Problem() is { } problem) throw new ArgumentException(problem, nameof(value));
            lock (_gate) _limits = value;
        }
    }

    /// <summary>Lets a request of <paramref name="userId"/> in, or throws the 429 Dataverse would answer.</summary>
    /// <param name="batchPart">
    /// A request inside a <c>$batch</c>: it runs within the batch's concurrency slot and execution time, and counts
    /// as a request only when <see cref="ServiceProtectionLimits.BatchPartsCountAsRequests"/>.
    /// </param>
    public ServiceProtectionPass Admit(Guid userId, bool batchPart = false)
    {
        lock (_gate)
        {
            var limits = _limits;
            var now = time.GetUtcNow();
            var user = UserLocked(userId);
            user.Slide(now, limits.Window);
            if (batchPart && !limits.BatchPartsCountAsRequests) return Pass(userId, user, limits, holdsSlot: false, timed: false);

            if (now < user.BlockedUntil) throw Escalate(user, limits, now);
            if (!batchPart && user.InFlight >= limits.MaxConcurrentRequests)
            {
                throw ServiceProtectionErrors.Exceeded(ServiceProtectionLimit.ConcurrentRequests, limits, limits.ConcurrencyRetryAfter);
            }
            if (user.Requests >= limits.MaxRequests)
            {
                throw Block(user, limits, now, ServiceProtectionLimit.Requests, user.UntilRequestsBelow(limits.MaxRequests, now, limits.Window));
            }
            if (user.ExecutionTime > limits.MaxExecutionTime)
            {
                throw Block(user, limits, now, ServiceProtectionLimit.ExecutionTime, user.UntilExecutionWithin(limits.MaxExecutionTime, now, limits.Window));
            }

            user.Strikes = 0;
            user.CountRequest(now);
            if (!batchPart) user.InFlight++;
            return Pass(userId, user, limits, holdsSlot: !batchPart, timed: !batchPart);
        }
    }

    /// <summary>What a user has used of the current window (requests, execution time, requests in flight).</summary>
    public ServiceProtectionUsage UsageOf(Guid userId)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user)) return new ServiceProtectionUsage(0, TimeSpan.Zero, 0, null);
            var now = time.GetUtcNow();
            user.Slide(now, _limits.Window);
            return new ServiceProtectionUsage(user.Requests, user.ExecutionTime, user.InFlight, now < user.BlockedUntil ? user.BlockedUntil : null);
        }
    }

    /// <summary>Forgets every user's window and throttling (requests in flight still end normally).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var (id, user) in _users.ToArray())
            {
                _users[id] = new UserWindow { InFlight = user.InFlight };
            }
        }
    }

    internal void Complete(Guid userId, bool holdsSlot, bool timed, TimeSpan executionTime)
    {
        lock (_gate)
        {
            var user = UserLocked(userId);
            if (holdsSlot) user.InFlight--;
            if (timed) user.AddExecution(time.GetUtcNow(), executionTime);
        }
    }

    private DataverseFault Block(UserWindow user, ServiceProtectionLimits limits, DateTimeOffset now, ServiceProtectionLimit limit, TimeSpan wait)
    {
        var retryAfter = Clamp(wait, limits);
        user.BlockedBy = limit;
        user.BlockedUntil = now + retryAfter;
        user.Strikes = 0;
        return ServiceProtectionErrors.Exceeded(limit, limits, retryAfter);
    }

    private static DataverseFault Escalate(UserWindow user, ServiceProtectionLimits limits, DateTimeOffset now)
    {
        user.Strikes++;
        var retryAfter = Clamp(user.BlockedUntil - now + user.Strikes * limits.EscalationStep, limits);
        user.BlockedUntil = now + retryAfter;
        return ServiceProtectionErrors.Exceeded(user.BlockedBy, limits, retryAfter);
    }

    // Whole seconds, as Retry-After is sent, so that "wait Retry-After, then send" always gets in.
    private static TimeSpan Clamp(TimeSpan wait, ServiceProtectionLimits limits)
    {
        var seconds = Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(1, Math.Ceiling(limits.MaxRetryAfter.TotalSeconds))));
    }

    private ServiceProtectionPass Pass(Guid userId, UserWindow user, ServiceProtectionLimits limits, bool holdsSlot, bool timed) =>
        new(this, userId, holdsSlot, timed,
            Math.Max(0, limits.MaxRequests - user.Requests),
            limits.MaxExecutionTime - user.ExecutionTime < TimeSpan.Zero ? TimeSpan.Zero : limits.MaxExecutionTime - user.ExecutionTime);

    private UserWindow UserLocked(Guid userId)
    {
        if (!_users.TryGetValue(userId, out var user)) _users[userId] = user = new UserWindow();
        return user;
    }
}
