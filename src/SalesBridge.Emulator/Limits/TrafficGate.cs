using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SalesBridge.Emulator.Faults;
using SalesBridge.Emulator.Identity;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;
using SalesBridge.Emulator.Security;
using SalesBridge.Emulator.WebApi;

namespace SalesBridge.Emulator.Limits;

/// <summary>
/// One Web API request (an HTTP request, or a part of a <c>$batch</c>) passing its org's injected faults and
/// service protection; disposing it counts the call. The pipeline calls, in order:
/// <see cref="InterceptAsync"/> (faults that answer before Dataverse sees the request), then after
/// authentication <see cref="AdmitAsync"/> (limits, then a slow fault's latency), then routes. Execution time runs
/// from arrival until the response starts.
/// </summary>
public sealed class TrafficGate : IDisposable
{
    private readonly HttpContext _http;
    private readonly EmulatedOrg _org;
    private readonly OrgTraffic _traffic;
    private readonly bool _batchPart;
    private readonly FaultRule? _fault;
    private readonly long _started;
    private Guid? _userId;
    private ServiceProtectionPass? _pass;
    private bool _throttled;
    private bool _faulted;
    private int _finished;

    private TrafficGate(HttpContext http, EmulatedOrg org, string rawPath, bool batchPart)
    {
        _http = http;
        _org = org;
        _traffic = http.RequestServices.GetRequiredService<TrafficDirectory>().For(org);
        _batchPart = batchPart;
        _started = org.Time.GetTimestamp();
        _fault = _traffic.Faults.Decide(http.Request.Method, rawPath, batchPart);
        // Charged when the response starts, before the client can see any of it, so that counts and limits are
        // up to date for the client's next request; Dispose covers requests that never start one (dropped).
        if (!batchPart)
        {
            http.Response.OnStarting(() =>
            {
                Finish();
                return Task.CompletedTask;
            });
        }
    }

    public static TrafficGate Enter(HttpContext http, EmulatedOrg org, string rawPath, bool batchPart = false) => new(http, org, rawPath, batchPart);

    /// <summary>
    /// Answers the request with its fault when the fault comes before Dataverse: a dropped connection or an
    /// unreachable org (aborted, no response), an expired token (the real 401), a 429/500/503. True when answered.
    /// </summary>
    public async Task<bool> InterceptAsync()
    {
        if (_fault is null || _fault.Kind == FaultKind.Slow) return false;
        _faulted = true;
        switch (_fault.Kind)
        {
            case FaultKind.DropConnection or FaultKind.Unreachable:
                _http.Abort();
                break;
            case FaultKind.ExpiredToken:
                await BearerChallenge.Write401(_http, new AccessTokenValidation.Expired(_org.Time.GetUtcNow()));
                break;
            default:
                await ErrorWriter.WriteAsync(_http, InjectedErrors.For(_fault, _traffic.Protection.Limits));
                break;
        }
        return true;
    }

    /// <summary>
    /// Charges the request to the authenticated user (<see cref="Caller.RealUserId"/>, see <see cref="ServiceProtection"/>),
    /// throwing the 429 when a limit is exceeded; then waits out a slow fault, holding the concurrency slot.
    /// </summary>
    public async Task AdmitAsync(Caller caller)
    {
        _userId = caller.RealUserId;
        try
        {
            _pass = _traffic.Protection.Admit(caller.RealUserId, _batchPart);
        }
        catch (DataverseFault)
        {
            _throttled = true;
            throw;
        }
        if (!_batchPart) _pass.WriteHeaders(_http.Response);
        if (_fault is { Kind: FaultKind.Slow } slow)
        {
            _faulted = true;
            // Counted from the request's arrival, so a test clock advanced while the request was on its way in
            // still releases it; repeated because timers may fire a little before the clock says the time is up.
            TimeSpan remaining;
            while ((remaining = slow.Delay - _org.Time.GetElapsedTime(_started)) > TimeSpan.Zero)
            {
                await Task.Delay(remaining, _org.Time, _http.RequestAborted);
            }
        }
    }

    public void Dispose() => Finish();

    private void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1) return;
        var elapsed = _org.Time.GetElapsedTime(_started);
        _pass?.Complete(elapsed);
        _traffic.Calls.Record(new CallRecord(_userId, _batchPart, _throttled, _faulted, elapsed));
    }
}
