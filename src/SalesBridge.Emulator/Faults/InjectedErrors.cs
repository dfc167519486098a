using SalesBridge.Emulator.Limits;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Faults;

/// <summary>The Dataverse error an injected status fault answers with.</summary>
public static class InjectedErrors
{
    /// <summary>Dataverse's code for its own failures, "An unexpected error occurred."</summary>
    public const string UnexpectedCode = "0x80040216";

    public static DataverseFault For(FaultRule rule, ServiceProtectionLimits limits) => rule.Kind switch
    {
        // Indistinguishable from the real limit: the client must not be able to tell them apart.
        FaultKind.TooManyRequests => ServiceProtectionErrors.Exceeded(ServiceProtectionLimit.Requests, limits, rule.RetryAfter),
        FaultKind.ServerError => new DataverseFault(500, UnexpectedCode, "An unexpected error occurred."),
        // The docs list no Dataverse code for 503 (it comes from the front end while the org is busy or being
        // updated); the generic code is used, with Retry-After as RFC 9110 allows on 503.
        FaultKind.ServiceUnavailable => new DataverseFault(503, UnexpectedCode, "The service is temporarily unavailable. Please try again later.",
            new Dictionary<string, string> { ["Retry-After"] = ServiceProtectionErrors.RetryAfterSeconds(rule.RetryAfter) }),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Not a fault answered with an error body."),
    };
}
