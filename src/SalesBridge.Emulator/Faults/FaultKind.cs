namespace SalesBridge.Emulator.Faults;

/// <summary>The failures the emulator can inject, as a client of a real org meets them.</summary>
public enum FaultKind
{
    /// <summary>429 with <c>Retry-After</c> and the number-of-requests error, without the limit being reached.</summary>
    TooManyRequests,
    /// <summary>500 with Dataverse's unexpected-error body.</summary>
    ServerError,
    /// <summary>503 with a Dataverse error body.</summary>
    ServiceUnavailable,
    /// <summary>The request is served after an added delay (which counts as execution time and holds a concurrency slot).</summary>
    Slow,
    /// <summary>The connection is aborted before any response.</summary>
    DropConnection,
    /// <summary>The 401 Dataverse answers for an expired access token, whatever token was sent.</summary>
    ExpiredToken,
    /// <summary>Every request to the org is dropped, as when it cannot be reached.</summary>
    Unreachable,
}

public static class FaultKinds
{
    /// <summary>The names the control endpoint accepts, in camel case (<c>tooManyRequests</c>, ...).</summary>
    public static IReadOnlyDictionary<string, FaultKind> ByName { get; } =
        Enum.GetValues<FaultKind>().ToDictionary(k => char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..], k => k, StringComparer.OrdinalIgnoreCase);

    public static string NameOf(FaultKind kind) => ByName.First(k => k.Value == kind).Key;

    /// <summary>
    /// Faults of the connection or the token make no sense for a request inside a <c>$batch</c> (it has neither);
    /// the others can fail a single part.
    /// </summary>
    public static bool AppliesInsideBatch(this FaultKind kind) =>
        kind is FaultKind.TooManyRequests or FaultKind.ServerError or FaultKind.ServiceUnavailable or FaultKind.Slow;
}
