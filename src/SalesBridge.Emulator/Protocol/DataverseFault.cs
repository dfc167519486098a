namespace SalesBridge.Emulator.Protocol;

/// <summary>
/// A failure the emulator answers with Dataverse's error shape:
/// <c>{"error":{"code":"0x80040217","message":"..."}}</c> and the given HTTP status.
/// </summary>
public sealed class DataverseFault(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null)
    : Exception(message)
{
    public int Status { get; } = status;
    /// <summary>The Dataverse error code as the Web API writes it (lower-case hex, e.g. <c>0x80040217</c>).</summary>
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();
}
