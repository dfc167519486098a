namespace SalesBridge.Emulator.Limits;

/// <summary>
/// How many Web API requests one org served, in total and per authenticated user, for tests and benchmarks
/// (in-process) and over <c>/_emulator/orgs/{urlName}/calls</c>.
/// </summary>
public sealed class OrgCallCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, CallCounts> _users = [];
    private CallCounts _total = CallCounts.None;

    public CallCounts Total
    {
        get
        {
            lock (_gate) return _total;
        }
    }

    /// <summary>Counts per authenticated user; requests refused before authentication count only in <see cref="Total"/>.</summary>
    public IReadOnlyDictionary<Guid, CallCounts> Users
    {
        get
        {
            lock (_gate) return new Dictionary<Guid, CallCounts>(_users);
        }
    }

    public CallCounts ForUser(Guid userId)
    {
        lock (_gate) return _users.GetValueOrDefault(userId, CallCounts.None);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _users.Clear();
            _total = CallCounts.None;
        }
    }

    internal void Record(CallRecord call)
    {
        lock (_gate)
        {
            _total = _total.Add(call);
            if (call.UserId is { } user) _users[user] = _users.GetValueOrDefault(user, CallCounts.None).Add(call);
        }
    }
}
